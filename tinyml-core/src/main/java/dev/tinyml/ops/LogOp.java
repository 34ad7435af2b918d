package dev.tinyml.ops;

import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/** LOG (natural logarithm), float32 only. */
public final class LogOp extends ElementwiseUnaryOp<Void> {

  /** The op. */
  public LogOp() {
    super(BuiltinOperator.LOG, 1, "AddLog", UnaryMath.Function.LOG);
  }
}
