package dev.tinyml.ops;

import dev.tinyml.ops.kernels.QuantizedAbsRsqrt;
import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What ABS and RSQRT share: TFLM's requantizing int8 and int16 kernels ({@code elementwise.cc}),
 * int16 with zero points 0, one op data layout and int8 version 2.
 */
public abstract class AbsRsqrtOp extends ElementwiseUnaryOp<QuantizedAbsRsqrt.Plan> {

  /** Plans the requantization; {@code bits} is 8 or 16. */
  interface Planner {
    QuantizedAbsRsqrt.Plan plan(
        float inScale, int inZeroPoint, float outScale, int outZeroPoint, int bits);
  }

  private final Planner planner;
  private final boolean rsqrt;

  /** An op whose {@code planner} plans its requantization; {@code rsqrt} selects the kernel. */
  AbsRsqrtOp(
      BuiltinOperator builtin,
      int maxVersion,
      String resolverMethod,
      UnaryMath.Function function,
      Planner planner,
      boolean rsqrt) {
    super(builtin, maxVersion, resolverMethod, function);
    this.planner = planner;
    this.rsqrt = rsqrt;
  }

  @Override
  QuantizedAbsRsqrt.Plan prepareQuantized(OpContext c, Tensor in, Tensor out) {
    boolean int8 = in.type() == TensorType.INT8;
    if (!int8 && in.type() != TensorType.INT16) {
      throw c.unsupportedTypes();
    }
    if (!int8 && (c.zeroPoint(in) != 0 || c.zeroPoint(out) != 0)) {
      throw c.fail("int16 input and output need zero point 0, as TFLM requires");
    }
    return planner.plan(
        c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out), int8 ? 8 : 16);
  }

  @Override
  public boolean quantizable() {
    return true;
  }

  @Override
  void evalQuantized(QuantizedAbsRsqrt.Plan kernel, Object in, Object out) {
    if (in instanceof byte[] b) {
      QuantizedAbsRsqrt.eval(kernel, rsqrt, b, (byte[]) out);
    } else {
      QuantizedAbsRsqrt.eval(kernel, rsqrt, (short[]) in, (short[]) out);
    }
  }

  /** Version 2 is the int8 one. */
  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  /** The kernel's requantization: four ints, a bool and two enums. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(abi.byEnums(20, 28));
  }
}
