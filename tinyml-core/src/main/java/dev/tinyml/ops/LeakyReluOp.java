package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.LeakyReluOptions;
import dev.tinyml.tflite.Tensor;

/** LEAKY_RELU, float32 or int8. */
public final class LeakyReluOp extends ActivationOp<LeakyReluOp.Plan> {

  /**
   * A prepared leaky ReLU.
   *
   * @param alpha the negative slope (float)
   * @param int8 the int8 multipliers, null for float
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(float alpha, Activations.LeakyReluPlan int8, int input, int output, int count)
      implements ElementwisePlan {}

  /** The op. */
  public LeakyReluOp() {
    super(
        BuiltinOperator.LEAKY_RELU,
        2,
        "AddLeakyRelu",
        24,
        1,
        (p, in, out) -> Activations.leakyReluFloat(p.alpha(), in, out, p.count()),
        (p, in, out) -> Activations.leakyReluInt8(p.int8(), in, out, p.count()));
  }

  private static float alpha(OpContext c) {
    return c.options(LeakyReluOptions.class).alpha();
  }

  @Override
  Plan floatPlan(OpContext c, int count) {
    return new Plan(alpha(c), null, c.in(0), c.out(0), count);
  }

  @Override
  Plan int8Plan(OpContext c, Tensor in, Tensor out, int count) {
    float alpha = alpha(c);
    Activations.LeakyReluPlan p =
        Activations.prepareLeakyReluInt8(
            c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out), alpha);
    return new Plan(alpha, p, c.in(0), c.out(0), count);
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return super.kernelStructs(abi).withParams(new CStruct(4, 4));
  }
}
