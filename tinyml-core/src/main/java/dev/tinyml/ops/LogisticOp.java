package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** LOGISTIC (sigmoid), float32 or int8 with an output zero point of -128. */
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
}
