package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/** ARG_MAX: the index of the largest value along the axis (the first of equal ones). */
public final class ArgMaxOp extends ArgMinMaxOp {

  /** The op. */
  public ArgMaxOp() {
    super(BuiltinOperator.ARG_MAX, "AddArgMax", true);
  }
}
