package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.SubOptions;

/** SUB: the element-wise difference with broadcasting, float32, int8 and int32. */
public final class SubOp extends ArithmeticOp {

  /** The op. */
  public SubOp() {
    super(Arithmetic.Op.SUB);
  }

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.SUB;
  }

  @Override
  public int maxVersion() {
    return 5;
  }

  @Override
  ActivationFunctionType fusedActivation(OpContext c) {
    SubOptions o = c.optionsOrNull(SubOptions.class);
    return o == null ? ActivationFunctionType.NONE : o.fusedActivation();
  }
}
