package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Split;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import java.util.Optional;

/**
 * SPLIT (inputs: axis, tensor) into equal parts, and SPLIT_V (inputs: tensor, sizes, axis) into
 * given sizes, of any stored type; the axis and sizes must be constants.
 */
public final class SplitOp implements Op<SplitOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared split.
   *
   * @param split the kernel plan
   * @param input input tensor index
   * @param outputs output tensor indices
   */
  public record Plan(Split.Plan split, int input, int[] outputs) implements OpPlan {}

  private final boolean sizes;

  /** SPLIT when {@code sizes} is false, SPLIT_V when true. */
  public SplitOp(boolean sizes) {
    this.sizes = sizes;
  }

  @Override
  public BuiltinOperator builtin() {
    return sizes ? BuiltinOperator.SPLIT_V : BuiltinOperator.SPLIT;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of(sizes ? "AddSplitV" : "AddSplit");
  }

  @Override
  public int maxVersion() {
    return sizes ? 2 : 4;
  }

  @Override
  public Plan prepare(OpContext c) {
    int dataInput = sizes ? 0 : 1;
    Tensor in = c.input(dataInput);
    int count = c.operator().outputs().length;
    int axis = OpInputs.constantInt(c, sizes ? 2 : 0, "axis");
    Split.Plan p;
    try {
      p =
          sizes
              ? Split.planSizes(in.shape(), axis, OpInputs.constantInts(c, 1, "size_splits"))
              : Split.planEqual(in.shape(), axis, count);
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage() + " (input " + OpContext.describe(in) + ")");
    }
    if (p.sizes().length != count) {
      throw c.fail("has " + count + " outputs for " + p.sizes().length + " split sizes");
    }
    int[] outs = new int[count];
    for (int k = 0; k < count; k++) {
      Tensor out = c.output(k);
      OpInputs.requireSameType(c, in, out);
      OpInputs.requireOutput(c, out, p.outputShapes()[k]);
      outs[k] = c.out(k);
    }
    return new Plan(p, c.in(dataInput), outs);
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Object[] outs = new Object[p.outputs().length];
    for (int k = 0; k < outs.length; k++) {
      outs[k] = t[p.outputs()[k]];
    }
    Split.eval(p.split(), t[p.input()], outs);
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  /** {@code TfLiteSplitParams} and {@code TfLiteSplitVParams}: the split count. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return new CStruct(4, 4);
  }

  /** Every piece shares the data's parameters (TFLite's quantizer restricts them so). */
  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_INPUT;
  }

  /** SPLIT's data follows its axis; SPLIT_V's comes first. */
  @Override
  public int sharedInput() {
    return sizes ? 0 : 1;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
