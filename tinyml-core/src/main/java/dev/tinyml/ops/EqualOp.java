package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;

/** EQUAL, element-wise with broadcasting; bool inputs too. */
public final class EqualOp extends ComparisonOp {

  /** The op. */
  public EqualOp() {
    super(BuiltinOperator.EQUAL, "AddEqual", Comparisons.Op.EQUAL);
  }
}
