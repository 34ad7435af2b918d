package dev.tinyml.ops;

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
}
