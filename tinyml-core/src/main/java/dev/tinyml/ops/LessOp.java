package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;

/** LESS, element-wise with broadcasting. */
public final class LessOp extends ComparisonOp {

  /** The op. */
  public LessOp() {
    super(BuiltinOperator.LESS, "AddLess", Comparisons.Op.LESS);
  }
}
