package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.TensorType;

/** ADD: the element-wise sum with broadcasting, float32, int8, int16 and int32. */
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

  /**
   * 2 for int8. For int16, op_version.cc gives 3 when {@code pot_scale_int16} is off (the general
   * scaling that TFLM always runs, as TFLite's quantizer writes it) and 1 otherwise.
   */
  @Override
  public int int8Version(OpNode quantized) {
    if (quantized.input(0).type() == TensorType.INT16) {
      return quantized.options() instanceof AddOptions o && !o.potScaleInt16() ? 3 : 1;
    }
    return 2;
  }

  /** Calibrated int16 scales are not powers of two: the general int16 kernel is needed. */
  @Override
  public BuiltinOptions int16x8Options(BuiltinOptions floatOptions) {
    AddOptions o =
        floatOptions instanceof AddOptions a
            ? a
            : new AddOptions(ActivationFunctionType.NONE, true);
    return new AddOptions(o.fusedActivation(), false);
  }
}
