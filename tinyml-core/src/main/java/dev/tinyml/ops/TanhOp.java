package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** TANH, float32 or int8. */
public final class TanhOp extends SigmoidOp {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.TANH;
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
}
