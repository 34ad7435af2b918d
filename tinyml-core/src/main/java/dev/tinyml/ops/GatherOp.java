package dev.tinyml.ops;

import dev.tinyml.ops.kernels.GatherAlongAxis;
import dev.tinyml.ops.kernels.GatherNd;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.GatherOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/**
 * GATHER (positions along an axis, with batch dimensions) and GATHER_ND (index rows), of any stored
 * type, with INT32 indices read at run time; an index outside the input fails the invoke.
 */
public final class GatherOp implements Op<GatherOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared gather.
   *
   * @param axis the GATHER plan, null for GATHER_ND
   * @param nd the GATHER_ND plan, null for GATHER
   * @param input params tensor index
   * @param indices indices tensor index
   * @param output output tensor index
   */
  public record Plan(
      GatherAlongAxis.Plan axis, GatherNd.Plan nd, int input, int indices, int output)
      implements OpPlan {}

  private final boolean nd;

  /** GATHER when {@code nd} is false, GATHER_ND when true. */
  public GatherOp(boolean nd) {
    this.nd = nd;
  }

  @Override
  public BuiltinOperator builtin() {
    return nd ? BuiltinOperator.GATHER_ND : BuiltinOperator.GATHER;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of(nd ? "AddGatherNd" : "AddGather");
  }

  @Override
  public int maxVersion() {
    return nd ? 3 : 5;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor idx = c.input(1);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    c.requireType(idx, TensorType.INT32, "indices");
    try {
      if (nd) {
        GatherNd.Plan p = GatherNd.plan(in.shape(), idx.shape());
        OpInputs.requireOutput(c, out, p.outputShape());
        return new Plan(null, p, c.in(0), c.in(1), c.out(0));
      }
      GatherOptions o = c.optionsOrNull(GatherOptions.class);
      GatherAlongAxis.Plan p =
          GatherAlongAxis.plan(
              in.shape(), idx.shape(), o == null ? 0 : o.axis(), o == null ? 0 : o.batchDims());
      OpInputs.requireOutput(c, out, p.outputShape());
      return new Plan(p, null, c.in(0), c.in(1), c.out(0));
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    int[] indices = (int[]) t[p.indices()];
    if (p.nd() != null) {
      GatherNd.eval(p.nd(), t[p.input()], indices, t[p.output()]);
    } else {
      GatherAlongAxis.eval(p.axis(), t[p.input()], indices, t[p.output()]);
    }
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  /** {@code TfLiteGatherParams} (axis, batch dimensions) for GATHER; GATHER_ND parses none. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return nd ? null : new CStruct(8, 4);
  }

  /** Gathered values keep the parameters of the values (a constant table included). */
  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_INPUT;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return nd ? 1 : 2;
  }
}
