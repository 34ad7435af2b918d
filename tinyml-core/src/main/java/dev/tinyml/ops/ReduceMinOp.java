package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/** REDUCE_MIN: the smallest value over the axes. */
public final class ReduceMinOp extends ReduceExtremeOp {

  /** The op; the Arduino library's TFLM predates REDUCE_MIN, so it has no resolver method. */
  public ReduceMinOp() {
    super(BuiltinOperator.REDUCE_MIN, null, false);
  }
}
