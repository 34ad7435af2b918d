package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;

/** GREATER, element-wise with broadcasting. */
public final class GreaterOp extends ComparisonOp {

  /** The op. */
  public GreaterOp() {
    super(BuiltinOperator.GREATER, "AddGreater", Comparisons.Op.GREATER);
  }
}
