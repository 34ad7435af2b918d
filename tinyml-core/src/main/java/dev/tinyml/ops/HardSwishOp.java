package dev.tinyml.ops;

import dev.tinyml.ops.kernels.HardSwish;
import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/**
 * HARD_SWISH: float32, and int8 by TFLM's fixed-point kernel (op data: {@code HardSwishParams}, 20
 * bytes).
 */
public final class HardSwishOp extends Int8UnaryOp<HardSwish.Plan> {

  /** The op. */
  public HardSwishOp() {
    super(
        BuiltinOperator.HARD_SWISH,
        "AddHardSwish",
        UnaryMath.Function.HARD_SWISH,
        HardSwish::plan,
        HardSwish::eval,
        20);
  }
}
