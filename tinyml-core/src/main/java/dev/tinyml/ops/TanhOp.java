package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** TANH, float32 or int8. */
public final class TanhOp extends SigmoidOp {

  /** The op. */
  public TanhOp() {
    super(
        BuiltinOperator.TANH,
        "AddTanh",
        new Quantization(1f / 128, 0),
        (p, in, out) -> Logistic.tanhFloat(in, out, p.count()),
        (p, in, out) -> Logistic.tanhInt8(p.int8(), in, out, p.count()));
  }

  @Override
  void checkInt8Output(OpContext c, Tensor out) {
    // TFLM's int8 tanh rescales to any output quantization.
  }
}
