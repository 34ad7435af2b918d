package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * What LOGISTIC and TANH share: float32 or int8 element-wise, one input multiplier, and an int8
 * output quantization the kernel fixes.
 */
public abstract class SigmoidOp extends ActivationOp<SigmoidOp.Plan> implements FixedOutputRules {

  /**
   * A prepared logistic or tanh.
   *
   * @param int8 the int8 input multiplier and range, null for float
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(Logistic.Plan int8, int input, int output, int count)
      implements ElementwisePlan {}

  private final Quantization output;

  /**
   * @param builtin the builtin code
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it
   * @param output the int8 output quantization the kernel writes
   * @param floatLoop the kernel's float32 loop
   * @param int8Loop the kernel's int8 loop
   */
  SigmoidOp(
      BuiltinOperator builtin,
      String resolverMethod,
      Quantization output,
      Loop<Plan, float[]> floatLoop,
      Loop<Plan, byte[]> int8Loop) {
    super(builtin, 3, resolverMethod, 16, 2, floatLoop, int8Loop);
    this.output = output;
  }

  @Override
  final Plan floatPlan(OpContext c, int count) {
    return new Plan(null, c.in(0), c.out(0), count);
  }

  @Override
  final Plan int8Plan(OpContext c, Tensor in, Tensor out, int count) {
    checkInt8Output(c, out);
    return new Plan(Logistic.prepareInt8(c.scale(in), c.zeroPoint(in)), c.in(0), c.out(0), count);
  }

  /** Fails when the int8 output's quantization does not fit the op. */
  abstract void checkInt8Output(OpContext c, Tensor out);

  @Override
  public final Quantization fixedOutput() {
    return output;
  }

  /** TFLM has a 16x8 kernel for the op. */
  @Override
  public final boolean supportsInt16x8() {
    return true;
  }

  /** 3 for int16 input and output. */
  @Override
  public final int int16x8Version(OpNode quantized) {
    return 3;
  }
}
