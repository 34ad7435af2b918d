package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Int16LogisticTanh;
import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What LOGISTIC and TANH share: float32, int8 or int16 element-wise, one input multiplier, and an
 * output quantization the kernel fixes (int8: the op's; int16: scale 2^-15, zero point 0).
 */
public abstract class SigmoidOp extends ActivationOp<SigmoidOp.Plan> implements FixedOutputRules {

  /**
   * A prepared logistic or tanh: at most one of {@code int8} and {@code int16} is set.
   *
   * @param int8 the int8 input multiplier and range, null for float and int16
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   * @param int16 the int16 input multiplier and shift, null for float and int8
   */
  public record Plan(
      Logistic.Plan int8, int input, int output, int count, Int16LogisticTanh.Plan int16)
      implements ElementwisePlan {
    /** The int16 kernel widens its input into as many ints. */
    @Override
    public int scratchInts() {
      return int16 != null ? count : 0;
    }
  }

  /** The int16 kernels' output quantization: Q0.15. */
  private static final Quantization INT16_OUTPUT = new Quantization(1f / 32768, 0);

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
    return new Plan(null, c.in(0), c.out(0), count, null);
  }

  @Override
  final Plan int8Plan(OpContext c, Tensor in, Tensor out, int count) {
    checkInt8Output(c, out);
    return new Plan(
        Logistic.prepareInt8(c.scale(in), c.zeroPoint(in)), c.in(0), c.out(0), count, null);
  }

  @Override
  final Plan int16Plan(OpContext c, Tensor in, Tensor out, int count) {
    Int16LogisticTanh.Plan p =
        c.kernelPlan(
            () -> int16Kernel(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out)));
    return new Plan(null, c.in(0), c.out(0), count, p);
  }

  /** The int16 kernel's plan ({@code LogisticPrepare} or {@code TanhPrepare}). */
  abstract Int16LogisticTanh.Plan int16Kernel(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint);

  /** Runs the int16 kernel over {@code n} elements with {@code scratch} of as many ints. */
  abstract void int16Loop(Int16LogisticTanh.Plan p, short[] in, short[] out, int n, int[] scratch);

  @Override
  final void evalInt16(Plan p, short[] in, short[] out, Scratch s) {
    int16Loop(p.int16(), in, out, p.count(), s.ints());
  }

  /** Fails when the int8 output's quantization does not fit the op. */
  abstract void checkInt8Output(OpContext c, Tensor out);

  @Override
  public final Quantization fixedOutput() {
    return output;
  }

  @Override
  public final Quantization fixedInt16Output() {
    return INT16_OUTPUT;
  }

  @Override
  public final boolean takesInt16Activations() {
    return true;
  }

  /** 3 for int16 (op_version.cc), else the int8 version 2. */
  @Override
  public final int int8Version(OpNode quantized) {
    Tensor in = quantized.input(0);
    return in != null && in.type() == TensorType.INT16 ? 3 : super.int8Version(quantized);
  }
}
