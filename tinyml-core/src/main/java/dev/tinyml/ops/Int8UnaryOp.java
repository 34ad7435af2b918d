package dev.tinyml.ops;

import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * An element-wise function whose quantized kernel is int8 only and planned from the input's and
 * output's quantization alone (ELU, HARD_SWISH).
 *
 * @param <K> the int8 kernel's parameters
 */
public abstract class Int8UnaryOp<K> extends ElementwiseUnaryOp<K> {

  /** Plans the int8 kernel from the input's and output's scale and zero point. */
  interface Planner<K> {
    K plan(float inScale, int inZeroPoint, float outScale, int outZeroPoint);
  }

  /** Runs the int8 kernel. */
  interface Kernel<K> {
    void eval(K plan, byte[] in, byte[] out);
  }

  private final Planner<K> planner;
  private final Kernel<K> kernel;
  private final int opData;

  /**
   * An op whose {@code planner} and {@code kernel} are its int8 kernel, and whose TFLM kernel's
   * {@code Init} allocates {@code opData} bytes.
   */
  Int8UnaryOp(
      BuiltinOperator builtin,
      String resolverMethod,
      UnaryMath.Function function,
      Planner<K> planner,
      Kernel<K> kernel,
      int opData) {
    super(builtin, 1, resolverMethod, function);
    this.planner = planner;
    this.kernel = kernel;
    this.opData = opData;
  }

  @Override
  K prepareQuantized(OpContext c, Tensor in, Tensor out) {
    if (in.type() != TensorType.INT8) {
      throw c.unsupportedTypes();
    }
    return planner.plan(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
  }

  @Override
  public boolean quantizable() {
    return true;
  }

  @Override
  void evalQuantized(K plan, Object in, Object out) {
    kernel.eval(plan, (byte[]) in, (byte[]) out);
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(opData);
  }
}
