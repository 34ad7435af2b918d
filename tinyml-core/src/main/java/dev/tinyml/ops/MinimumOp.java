package dev.tinyml.ops;

import dev.tinyml.ops.kernels.BinaryOps;
import dev.tinyml.tflite.BuiltinOperator;

/** MINIMUM with broadcasting: float32, int8, int16 and int32. */
public final class MinimumOp extends BroadcastBinaryOp implements TflmFootprint {

  /** The op. */
  public MinimumOp() {
    super(BinaryOps.Op.MINIMUM, BuiltinOperator.MINIMUM, 4, "AddMinimum");
  }

  // TFLM's kernel parses no parameters and keeps no OpData: the interface defaults hold.
}
