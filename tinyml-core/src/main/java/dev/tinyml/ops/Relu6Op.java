package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** RELU6, float32 or int8 (clamping in the input's quantization). */
public final class Relu6Op extends ActivationOp<Relu6Op.Plan> {

  /**
   * A prepared ReLU6.
   *
   * @param isFloat true for the float kernel, false for int8
   * @param zero the quantized 0 (int8)
   * @param six the quantized 6 (int8)
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(boolean isFloat, int zero, int six, int input, int output, int count)
      implements ElementwisePlan {}

  /** The op. */
  public Relu6Op() {
    super(
        BuiltinOperator.RELU6,
        3,
        "AddRelu6",
        8,
        2,
        (p, in, out) -> Activations.relu6Float(in, out, p.count()),
        (p, in, out) -> Activations.relu6Int8(p.zero(), p.six(), in, out, p.count()));
  }

  @Override
  Plan floatPlan(OpContext c, int count) {
    return new Plan(true, 0, 0, c.in(0), c.out(0), count);
  }

  @Override
  Plan int8Plan(OpContext c, Tensor in, Tensor out, int count) {
    int[] b = Activations.relu6Int8Bounds(c.scale(in), c.zeroPoint(in));
    return new Plan(false, b[0], b[1], c.in(0), c.out(0), count);
  }
}
