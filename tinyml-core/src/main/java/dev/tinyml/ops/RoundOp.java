package dev.tinyml.ops;

import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/** ROUND (rounding to the nearest integer, halves to even), float32 only. */
public final class RoundOp extends ElementwiseUnaryOp<Void> {

  /** The op. */
  public RoundOp() {
    super(BuiltinOperator.ROUND, 1, "AddRound", UnaryMath.Function.ROUND);
  }
}
