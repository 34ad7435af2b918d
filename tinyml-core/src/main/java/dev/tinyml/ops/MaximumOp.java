package dev.tinyml.ops;

import dev.tinyml.ops.kernels.BinaryOps;
import dev.tinyml.tflite.BuiltinOperator;

/** MAXIMUM with broadcasting: float32, int8, int16 and int32. */
public final class MaximumOp extends BroadcastBinaryOp implements TflmFootprint {

  /** The op. */
  public MaximumOp() {
    super(BinaryOps.Op.MAXIMUM, BuiltinOperator.MAXIMUM, 4, "AddMaximum");
  }

  // TFLM's kernel parses no parameters and keeps no OpData: the interface defaults hold.
}
