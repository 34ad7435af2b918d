package dev.tinyml.ops;

import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/** SQRT (square root), float32 only. */
public final class SqrtOp extends ElementwiseUnaryOp<Void> {

  /** The op. */
  public SqrtOp() {
    super(BuiltinOperator.SQRT, 1, "AddSqrt", UnaryMath.Function.SQRT);
  }
}
