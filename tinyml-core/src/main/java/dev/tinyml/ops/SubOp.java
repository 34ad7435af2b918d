package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.SubOptions;
import java.util.Arrays;

/** SUB: the element-wise difference with broadcasting, float32, int8 and int32. */
public final class SubOp extends ArithmeticOp {

  /** The op. */
  public SubOp() {
    super(
        Arithmetic.Op.SUB,
        BuiltinOperator.SUB,
        5,
        "AddSub",
        56,
        SubOptions.class,
        SubOptions::fusedActivation);
  }

  /** 3 when the inputs broadcast with more than four dimensions, else 2. */
  @Override
  public int int8Version(OpNode quantized) {
    int[] a = quantized.inputShape(0);
    int[] b = quantized.inputShape(1);
    return !Arrays.equals(a, b) && Math.max(a.length, b.length) > 4 ? 3 : 2;
  }
}
