package dev.tinyml.ops;

import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/** EXP (exponential), float32 only. */
public final class ExpOp extends ElementwiseUnaryOp<Void> {

  /** The op. */
  public ExpOp() {
    super(BuiltinOperator.EXP, 1, "AddExp", UnaryMath.Function.EXP);
  }
}
