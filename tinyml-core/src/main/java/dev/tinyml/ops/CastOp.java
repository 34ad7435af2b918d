package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Cast;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** CAST between the numeric and boolean types TFLM casts. */
public final class CastOp extends ElementMapOp<CastOp.Plan> implements TflmFootprint {

  /**
   * A prepared cast.
   *
   * @param from input type
   * @param to output type
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(TensorType from, TensorType to, int input, int output, int count)
      implements ElementwisePlan {}

  /** The op. */
  public CastOp() {
    super(BuiltinOperator.CAST, 6, "AddCast");
  }

  @Override
  Plan plan(OpContext c, Tensor in, Tensor out) {
    if (!Cast.supports(in.type(), out.type())) {
      throw c.unsupportedTypes();
    }
    return new Plan(in.type(), out.type(), c.in(0), c.out(0), in.elementCount());
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Cast.eval(p.from(), t[p.input()], p.to(), t[p.output()], p.count());
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  /** {@code TfLiteCastParams}: the input and output {@code TfLiteType}s; no OpData, no buffers. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(abi.byEnums(new CStruct(2, 1), new CStruct(8, 4)));
  }
}
