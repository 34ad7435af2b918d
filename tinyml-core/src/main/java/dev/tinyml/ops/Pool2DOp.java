package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Locale;

/** What AVERAGE_POOL_2D and MAX_POOL_2D share: options, checks and the plan. */
public abstract class Pool2DOp extends BuiltinOp<Pool2DOp.Plan>
    implements TflmFootprint, DataMovementOp<Pool2DOp.Plan> {

  /** Which loop runs: the input and output share the type. */
  public enum Kernel {
    /** float32 in and out. */
    FLOAT,
    /** int8 in and out. */
    INT8,
    /** int16 in and out (the int16x8 scheme). */
    INT16
  }

  /**
   * A prepared pooling op.
   *
   * @param pool shapes, window, padding, strides and clamps
   * @param kernel the loop for the tensors' type
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(Pooling.Plan pool, Kernel kernel, int input, int output) implements OpPlan {

    /** True for the float32 kernel. */
    public boolean isFloat() {
      return kernel == Kernel.FLOAT;
    }
  }

  /** A float32 pooling loop. */
  @FunctionalInterface
  interface FloatLoop {
    void run(Pooling.Plan p, float[] in, float[] out);
  }

  /** An int8 pooling loop. */
  @FunctionalInterface
  interface Int8Loop {
    void run(Pooling.Plan p, byte[] in, byte[] out);
  }

  /** An int16 pooling loop. */
  @FunctionalInterface
  interface Int16Loop {
    void run(Pooling.Plan p, short[] in, short[] out);
  }

  private final FloatLoop floatLoop;
  private final Int8Loop int8Loop;
  private final Int16Loop int16Loop;

  /**
   * @param builtin the builtin code
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it
   * @param floatLoop the kernel's float32 loop
   * @param int8Loop the kernel's int8 loop
   * @param int16Loop the kernel's int16 loop
   */
  Pool2DOp(
      BuiltinOperator builtin,
      String resolverMethod,
      FloatLoop floatLoop,
      Int8Loop int8Loop,
      Int16Loop int16Loop) {
    super(builtin, 3, resolverMethod);
    this.floatLoop = floatLoop;
    this.int8Loop = int8Loop;
    this.int16Loop = int16Loop;
  }

  @Override
  public final void eval(Plan p, Object[] t, Scratch s) {
    switch (p.kernel()) {
      case FLOAT -> floatLoop.run(p.pool(), (float[]) t[p.input()], (float[]) t[p.output()]);
      case INT8 -> int8Loop.run(p.pool(), (byte[]) t[p.input()], (byte[]) t[p.output()]);
      case INT16 -> int16Loop.run(p.pool(), (short[]) t[p.input()], (short[]) t[p.output()]);
    }
  }

  @Override
  public Plan prepare(OpContext c) {
    Pool2DOptions o = c.options(Pool2DOptions.class);
    var act = c.activation(o.fusedActivation());
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    Kernel kernel = kernel(in.type(), out.type());
    if (kernel == null) {
      throw c.unsupportedTypes();
    }
    boolean isFloat = kernel == Kernel.FLOAT;
    c.requireRank(in, 4, "input");
    c.requireRank(out, 4, "output");
    if (in.shape()[0] != out.shape()[0] || in.shape()[3] != out.shape()[3]) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + " and output "
              + OpContext.describe(out)
              + " differ in batches or channels");
    }
    if (!isFloat
        && (Math.abs(c.scale(in) - c.scale(out)) > 1e-6 || c.zeroPoint(in) != c.zeroPoint(out))) {
      throw c.fail(
          kernel.name().toLowerCase(Locale.ROOT)
              + " pooling needs equal input and output quantization, got "
              + c.scale(in)
              + "/"
              + c.zeroPoint(in)
              + " and "
              + c.scale(out)
              + "/"
              + c.zeroPoint(out));
    }
    try {
      Pooling.Plan p =
          Pooling.prepare(
              in.shape(),
              out.shape(),
              o.padding() == Padding.SAME,
              o.filterHeight(),
              o.filterWidth(),
              o.strideH(),
              o.strideW(),
              act,
              quantization(kernel, isFloat ? 1f : c.scale(out), isFloat ? 0 : c.zeroPoint(out)));
      return new Plan(p, kernel, c.in(0), c.out(0));
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
  }

  /** The loop for matching input and output types, or null when there is none. */
  private static Kernel kernel(TensorType in, TensorType out) {
    if (in != out) {
      return null;
    }
    return switch (in) {
      case FLOAT32 -> Kernel.FLOAT;
      case INT8 -> Kernel.INT8;
      case INT16 -> Kernel.INT16;
      default -> null;
    };
  }

  /** The activation clamp's scale, zero point and type range (int16 clamps to int16's range). */
  private static ConvParams.Quantization quantization(Kernel kernel, float scale, int zeroPoint) {
    return kernel == Kernel.INT16
        ? new ConvParams.Quantization(0, scale, zeroPoint, null, Short.MIN_VALUE, Short.MAX_VALUE)
        : new ConvParams.Quantization(0, scale, zeroPoint, null);
  }

  /** Output rows are written in order, each reading input rows from its window's top on. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    if (!(node.options() instanceof Pool2DOptions o)) {
      return InPlaceRule.NONE;
    }
    return new InPlaceRule.Rows(o.strideH(), o.filterHeight(), 1, o.padding());
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(40, 4), 32);
  }

  /** Pooling reads a window per output element. */
  @Override
  public long macs(OpNode node) {
    return poolMacs(node);
  }

  /** Output elements times the filter area (also L2_POOL_2D's estimate, which has no op class). */
  static long poolMacs(OpNode node) {
    long out = MacMath.count(node.outputShape(0));
    return node.options() instanceof Pool2DOptions p
        ? MacMath.mul(out, p.filterWidth(), p.filterHeight())
        : out;
  }

  /** TFLM's reference pooling has int16 loops. */
  @Override
  public boolean takesInt16Activations() {
    return true;
  }

  /** 3 for int16 input and output, 2 for int8 (op_version.cc). */
  @Override
  public int int8Version(OpNode quantized) {
    return quantized.input(0).type() == TensorType.INT16 ? 3 : 2;
  }
}
