package dev.tinyml.ops;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;

/** ADD: the element-wise sum with broadcasting, float32, int8 and int32. */
public final class AddOp extends ArithmeticOp {

  /** The op. */
  public AddOp() {
    super(
        Arithmetic.Op.ADD,
        BuiltinOperator.ADD,
        5,
        "AddAdd",
        64,
        AddOptions.class,
        AddOptions::fusedActivation);
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  /** TFLM has a 16x8 kernel for the op. */
  @Override
  public boolean supportsInt16x8() {
    return true;
  }

  /** 3: int16 with {@code pot_scale_int16} false. */
  @Override
  public int int16x8Version(OpNode quantized) {
    return 3;
  }

  /** Calibrated int16 scales are not powers of two: the general int16 kernel is needed. */
  @Override
  public BuiltinOptions int16x8Options(BuiltinOptions floatOptions) {
    AddOptions o =
        floatOptions instanceof AddOptions a ? a : new AddOptions(ActivationFunctionType.NONE, true);
    return new AddOptions(o.fusedActivation(), false);
  }
}
