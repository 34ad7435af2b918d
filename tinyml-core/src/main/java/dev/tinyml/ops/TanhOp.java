package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Int16LogisticTanh;
import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** TANH, float32, int8, or int16 (zero points 0, output scale 2^-15). */
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

  @Override
  Int16LogisticTanh.Plan int16Kernel(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
    return Int16LogisticTanh.prepareTanh(inputScale, inputZeroPoint, outputScale, outputZeroPoint);
  }

  @Override
  void int16Loop(Int16LogisticTanh.Plan p, short[] in, short[] out, int n, int[] scratch) {
    Int16LogisticTanh.tanh(p, in, out, n, scratch);
  }
}
