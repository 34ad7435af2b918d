package dev.tinyml.ops;

import dev.tinyml.ops.kernels.TensorCreation;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** SHAPE: the input's static shape as INT32 or INT64. */
public final class ShapeOp extends TensorCreationOp {

  /** The op. */
  public ShapeOp() {
    super(BuiltinOperator.SHAPE, 1, "AddShape");
  }

  @Override
  Plan prepare(OpContext c, Tensor out) {
    if (out.type() != TensorType.INT32 && out.type() != TensorType.INT64) {
      throw c.unsupportedTypes();
    }
    int[] shape = c.input(0).shape();
    OpInputs.requireOutput(c, out, new int[] {shape.length});
    return new Plan(shape, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (t[p.output()] instanceof int[] i) {
      TensorCreation.shape(p.shape(), i);
    } else {
      TensorCreation.shape(p.shape(), (long[]) t[p.output()]);
    }
  }

  /** {@code TfLiteShapeParams}: one TfLiteType enum. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(abi.oneEnum());
  }
}
