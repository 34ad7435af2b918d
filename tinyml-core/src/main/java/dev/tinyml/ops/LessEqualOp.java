package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;

/** LESS_EQUAL, element-wise with broadcasting. */
public final class LessEqualOp extends ComparisonOp {

  /** The op. */
  public LessEqualOp() {
    super(BuiltinOperator.LESS_EQUAL, "AddLessEqual", Comparisons.Op.LESS_EQUAL);
  }
}
