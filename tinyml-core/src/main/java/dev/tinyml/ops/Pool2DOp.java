package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** What AVERAGE_POOL_2D and MAX_POOL_2D share: options, checks and the plan. */
public abstract class Pool2DOp extends BuiltinOp<Pool2DOp.Plan>
    implements TflmFootprint, DataMovementOp<Pool2DOp.Plan> {

  /**
   * A prepared pooling op.
   *
   * @param pool shapes, window, padding, strides and clamps
   * @param isFloat true for the float kernel, false for int8
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(Pooling.Plan pool, boolean isFloat, int input, int output) implements OpPlan {}

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

  private final FloatLoop floatLoop;
  private final Int8Loop int8Loop;

  /**
   * @param builtin the builtin code
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it
   * @param floatLoop the kernel's float32 loop
   * @param int8Loop the kernel's int8 loop
   */
  Pool2DOp(BuiltinOperator builtin, String resolverMethod, FloatLoop floatLoop, Int8Loop int8Loop) {
    super(builtin, 3, resolverMethod);
    this.floatLoop = floatLoop;
    this.int8Loop = int8Loop;
  }

  @Override
  public final void eval(Plan p, Object[] t, Scratch s) {
    if (p.isFloat()) {
      floatLoop.run(p.pool(), (float[]) t[p.input()], (float[]) t[p.output()]);
    } else {
      int8Loop.run(p.pool(), (byte[]) t[p.input()], (byte[]) t[p.output()]);
    }
  }

  @Override
  public Plan prepare(OpContext c) {
    Pool2DOptions o = c.options(Pool2DOptions.class);
    var act = c.activation(o.fusedActivation());
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    boolean isFloat = in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32;
    boolean isInt8 = in.type() == TensorType.INT8 && out.type() == TensorType.INT8;
    if (!isFloat && !isInt8) {
      throw c.unsupportedTypes();
    }
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
    if (isInt8
        && (Math.abs(c.scale(in) - c.scale(out)) > 1e-6 || c.zeroPoint(in) != c.zeroPoint(out))) {
      throw c.fail(
          "int8 pooling needs equal input and output quantization, got "
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
              isFloat ? 1f : c.scale(out),
              isFloat ? 0 : c.zeroPoint(out));
      return new Plan(p, isFloat, c.in(0), c.out(0));
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
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
  public CStruct builtinParams(OpNode node, Abi abi) {
    return new CStruct(40, 4);
  }

  @Override
  public int opData(OpNode node, Abi abi) {
    return 32;
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
