package dev.tinyml.ops;

import dev.tinyml.ops.kernels.QuantizedAbsRsqrt;
import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/** RSQRT: float32, and int8 and int16 by TFLite's fixed-point inverse square root. */
public final class RsqrtOp extends AbsRsqrtOp {

  /** The op. */
  public RsqrtOp() {
    super(
        BuiltinOperator.RSQRT,
        3,
        "AddRsqrt",
        UnaryMath.Function.RSQRT,
        QuantizedAbsRsqrt::planRsqrt,
        true);
  }
}
