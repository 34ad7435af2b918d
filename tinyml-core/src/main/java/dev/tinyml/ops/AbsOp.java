package dev.tinyml.ops;

import dev.tinyml.ops.kernels.QuantizedAbsRsqrt;
import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** ABS: float32, int8 and int16 requantized, and int16 without quantization taken raw. */
public final class AbsOp extends AbsRsqrtOp {

  /** The op. */
  public AbsOp() {
    super(
        BuiltinOperator.ABS,
        4,
        "AddAbs",
        UnaryMath.Function.ABS,
        QuantizedAbsRsqrt::planAbs,
        false);
  }

  /** A raw int16 tensor plans no requantization (a null kernel). */
  @Override
  QuantizedAbsRsqrt.Plan prepareQuantized(OpContext c, Tensor in, Tensor out) {
    if (in.type() == TensorType.INT16 && in.quantization() == null) {
      return null;
    }
    return super.prepareQuantized(c, in, out);
  }

  @Override
  void evalQuantized(QuantizedAbsRsqrt.Plan kernel, Object in, Object out) {
    if (kernel != null) {
      super.evalQuantized(kernel, in, out);
      return;
    }
    short[] a = (short[]) in;
    short[] b = (short[]) out;
    for (int i = 0; i < a.length; i++) {
      b[i] = (short) Math.abs(a[i]);
    }
  }
}
