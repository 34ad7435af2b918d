package dev.tinyml.ops;

import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/** FLOOR (rounding towards negative infinity), float32 only. */
public final class FloorOp extends ElementwiseUnaryOp<Void> {

  /** The op. */
  public FloorOp() {
    super(BuiltinOperator.FLOOR, 1, "AddFloor", UnaryMath.Function.FLOOR);
  }
}
