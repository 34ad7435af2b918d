package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.BinaryOps;
import dev.tinyml.tflite.BuiltinOperator;

/** MAXIMUM with broadcasting: float32, int8, int16 and int32. */
public final class MaximumOp extends BroadcastBinaryOp {

  /** The op. */
  public MaximumOp() {
    super(BinaryOps.Op.MAXIMUM);
  }

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.MAXIMUM;
  }

  @Override
  Activation activation(OpContext c) {
    return Activation.NONE;
  }
}
