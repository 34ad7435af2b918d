package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.MulOptions;

/** MUL: the element-wise product with broadcasting, float32, int8 and int32. */
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
  public CStruct builtinParams(OpNode node, Abi abi) {
    return abi.oneEnum();
  }

  /** 3 when {@code input1Scale * input2Scale / outputScale} is at least 1, else 2. */
  @Override
  public int int8Version(OpNode quantized) {
    double rescale =
        (double) quantized.input(0).quantization().scale()[0]
            * quantized.input(1).quantization().scale()[0]
            / quantized.output(0).quantization().scale()[0];
    return rescale >= 1.0 ? 3 : 2;
  }

  /** TFLM has a 16x8 kernel for the op. */
  @Override
  public boolean supportsInt16x8() {
    return true;
  }

  /** 4 for quantized int16 inputs. */
  @Override
  public int int16x8Version(OpNode quantized) {
    return 4;
  }
}
