package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;

/** NOT_EQUAL, element-wise with broadcasting; bool inputs too. */
public final class NotEqualOp extends ComparisonOp {

  /** The op. */
  public NotEqualOp() {
    super(BuiltinOperator.NOT_EQUAL, "AddNotEqual", Comparisons.Op.NOT_EQUAL);
  }
}
