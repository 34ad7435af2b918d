package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;

/** GREATER_EQUAL, element-wise with broadcasting. */
public final class GreaterEqualOp extends ComparisonOp {

  /** The op. */
  public GreaterEqualOp() {
    super(BuiltinOperator.GREATER_EQUAL, "AddGreaterEqual", Comparisons.Op.GREATER_EQUAL);
  }
}
