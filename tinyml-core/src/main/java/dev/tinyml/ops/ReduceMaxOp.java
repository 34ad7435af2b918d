package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/** REDUCE_MAX: the largest value over the axes. */
public final class ReduceMaxOp extends ReduceExtremeOp {

  /** The op. */
  public ReduceMaxOp() {
    super(BuiltinOperator.REDUCE_MAX, "AddReduceMax", true);
  }
}
