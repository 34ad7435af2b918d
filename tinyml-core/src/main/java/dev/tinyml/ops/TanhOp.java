package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import java.util.Optional;

/** TANH, float32 or int8. */
public final class TanhOp extends SigmoidOp implements Int8Rules {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.TANH;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddTanh");
  }

  @Override
  void checkInt8Output(OpContext c, Tensor out) {
    // TFLM's int8 tanh rescales to any output quantization.
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.int8() == null) {
      Logistic.tanhFloat((float[]) t[p.input()], (float[]) t[p.output()], p.count());
    } else {
      Logistic.tanhInt8(p.int8(), (byte[]) t[p.input()], (byte[]) t[p.output()], p.count());
    }
  }

  @Override
  public OutputParams outputParams() {
    return OutputParams.FIXED;
  }

  @Override
  public float fixedOutputScale() {
    return 1f / 128;
  }

  @Override
  public int fixedOutputZeroPoint() {
    return 0;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
