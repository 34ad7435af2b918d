package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.MulOptions;

/** MUL: the element-wise product with broadcasting, float32, int8 and int32. */
public final class MulOp extends ArithmeticOp {

  /** The op. */
  public MulOp() {
    super(Arithmetic.Op.MUL);
  }

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.MUL;
  }

  @Override
  public int maxVersion() {
    return 7;
  }

  @Override
  ActivationFunctionType fusedActivation(OpContext c) {
    MulOptions o = c.optionsOrNull(MulOptions.class);
    return o == null ? ActivationFunctionType.NONE : o.fusedActivation();
  }
}
