package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.TensorType;

/**
 * MUL: the element-wise product with broadcasting, float32, int8, int16 (zero points 0) and int32.
 */
public final class MulOp extends ArithmeticOp {

  /** The op. */
  public MulOp() {
    super(
        Arithmetic.Op.MUL,
        BuiltinOperator.MUL,
        7,
        "AddMul",
        36,
        MulOptions.class,
        MulOptions::fusedActivation);
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return super.kernelStructs(abi).withParams(abi.oneEnum());
  }

  /**
   * 4 for quantized int16; for int8, 3 when {@code input1Scale * input2Scale / outputScale} is at
   * least 1, else 2.
   */
  @Override
  public int int8Version(OpNode quantized) {
    if (quantized.input(0).type() == TensorType.INT16) {
      return 4;
    }
    double rescale =
        (double) quantized.input(0).quantization().scale()[0]
            * quantized.input(1).quantization().scale()[0]
            / quantized.output(0).quantization().scale()[0];
    return rescale >= 1.0 ? 3 : 2;
  }
}
