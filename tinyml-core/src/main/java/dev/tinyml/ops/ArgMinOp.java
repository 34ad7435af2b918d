package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/** ARG_MIN: the index of the smallest value along the axis (the first of equal ones). */
public final class ArgMinOp extends ArgMinMaxOp {

  /** The op. */
  public ArgMinOp() {
    super(BuiltinOperator.ARG_MIN, "AddArgMin", false);
  }
}
