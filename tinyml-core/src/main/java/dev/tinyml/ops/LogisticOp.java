package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import java.util.Optional;

/** LOGISTIC (sigmoid), float32 or int8 with an output zero point of -128. */
public final class LogisticOp extends SigmoidOp implements Int8Rules {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.LOGISTIC;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddLogistic");
  }

  @Override
  void checkInt8Output(OpContext c, Tensor out) {
    if (c.zeroPoint(out) != -128) {
      throw c.fail(
          "int8 logistic output " + OpContext.describe(out) + " must have zero point -128");
    }
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.int8() == null) {
      Logistic.logisticFloat((float[]) t[p.input()], (float[]) t[p.output()], p.count());
    } else {
      Logistic.logisticInt8(p.int8(), (byte[]) t[p.input()], (byte[]) t[p.output()], p.count());
    }
  }

  @Override
  public OutputParams outputParams() {
    return OutputParams.FIXED;
  }

  @Override
  public float fixedOutputScale() {
    return 1f / 256;
  }

  @Override
  public int fixedOutputZeroPoint() {
    return -128;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
