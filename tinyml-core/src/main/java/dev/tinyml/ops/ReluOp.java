package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** RELU, float32 or int8 (requantizing to the output's scale). */
public final class ReluOp extends ActivationOp<ReluOp.Plan> {

  /**
   * A prepared ReLU.
   *
   * @param int8 the int8 requantization, null for float
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(Activations.ReluPlan int8, int input, int output, int count)
      implements ElementwisePlan {}

  /** The op. */
  public ReluOp() {
    super(
        BuiltinOperator.RELU,
        3,
        "AddRelu",
        36,
        2,
        (p, in, out) -> Activations.reluFloat(in, out, p.count()),
        (p, in, out) -> Activations.reluInt8(p.int8(), in, out, p.count()));
  }

  @Override
  Plan floatPlan(OpContext c, int count) {
    return new Plan(null, c.in(0), c.out(0), count);
  }

  @Override
  Plan int8Plan(OpContext c, Tensor in, Tensor out, int count) {
    Activations.ReluPlan p =
        Activations.prepareReluInt8(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
    return new Plan(p, c.in(0), c.out(0), count);
  }
}
