package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Int16LogisticTanh;
import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * LOGISTIC (sigmoid), float32, int8 with an output zero point of -128, or int16 (zero points 0,
 * output scale 2^-15).
 */
public final class LogisticOp extends SigmoidOp {

  /** The op. */
  public LogisticOp() {
    super(
        BuiltinOperator.LOGISTIC,
        "AddLogistic",
        new Quantization(1f / 256, -128),
        (p, in, out) -> Logistic.logisticFloat(in, out, p.count()),
        (p, in, out) -> Logistic.logisticInt8(p.int8(), in, out, p.count()));
  }

  @Override
  void checkInt8Output(OpContext c, Tensor out) {
    if (c.zeroPoint(out) != -128) {
      throw c.fail(
          "int8 logistic output " + OpContext.describe(out) + " must have zero point -128");
    }
  }

  @Override
  Int16LogisticTanh.Plan int16Kernel(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
    return Int16LogisticTanh.prepareLogistic(
        inputScale, inputZeroPoint, outputScale, outputZeroPoint);
  }

  @Override
  void int16Loop(Int16LogisticTanh.Plan p, short[] in, short[] out, int n, int[] scratch) {
    Int16LogisticTanh.logistic(p, in, out, n, scratch);
  }
}
