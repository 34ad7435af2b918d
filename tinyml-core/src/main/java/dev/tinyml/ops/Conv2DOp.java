package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Conv2D;
import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Conv2DOptions;

/** CONV_2D over NHWC input with OHWI filters, float32 or int8 with per-channel multipliers. */
public final class Conv2DOp extends ConvolutionOp<Conv2DOp.Plan> {

  /** Which loop runs the convolution. */
  public enum Kernel {
    /** {@link Conv2D#evalFloat}. */
    FLOAT,
    /** {@link Conv2D#evalInt8}: the reference loop, for grouped or non-constant filters. */
    INT8,
    /** {@link Conv2D#evalInt8Transposed} over {@link Plan#transposedFilter()}. */
    INT8_TRANSPOSED
  }

  /**
   * A prepared convolution.
   *
   * @param conv shapes, padding, strides, dilation, multipliers, offsets and clamps
   * @param kernel the loop that runs it
   * @param transposedFilter the constant filter reordered by {@link Conv2D#transposeFilter} for
   *     {@link Kernel#INT8_TRANSPOSED}, else null
   * @param input input tensor index
   * @param filter filter tensor index
   * @param bias bias tensor index, -1 when absent
   * @param output output tensor index
   */
  public record Plan(
      ConvParams conv,
      Kernel kernel,
      int[] transposedFilter,
      int input,
      int filter,
      int bias,
      int output)
      implements ConvPlan {
    @Override
    public int scratchInts() {
      return kernel == Kernel.INT8_TRANSPOSED ? conv.outC() : 0;
    }
  }

  /** The reference loops, which need no scratch. */
  private static final Loop<float[], float[], Void> FLOAT_LOOP =
      (q, in, f, b, out, unused) -> Conv2D.evalFloat(q, in, f, b, out);

  private static final Loop<byte[], int[], Void> INT8_LOOP =
      (q, in, f, b, out, unused) -> Conv2D.evalInt8(q, in, f, b, out);

  /** The op. */
  public Conv2DOp() {
    super(BuiltinOperator.CONV_2D, 8, "AddConv2D", 0);
  }

  @Override
  public Plan prepare(OpContext c) {
    Conv2DOptions o = c.options(Conv2DOptions.class);
    ConvParams p = params(c, o, o.fusedActivation(), Conv2D::prepare);
    boolean isFloat = p.multipliers() == null;
    Kernel kernel;
    int[] transposed = null;
    if (isFloat) {
      kernel = Kernel.FLOAT;
    } else if (c.constant(1) != null && p.filterInC() == p.inC()) {
      kernel = Kernel.INT8_TRANSPOSED;
      transposed = Conv2D.transposeFilter(p, (byte[]) c.constant(1));
    } else {
      kernel = Kernel.INT8;
    }
    return new Plan(p, kernel, transposed, c.in(0), c.in(1), c.in(2), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    switch (p.kernel()) {
      case FLOAT -> run(FLOAT_LOOP, p, t, null);
      case INT8 -> run(INT8_LOOP, p, t, null);
      case INT8_TRANSPOSED ->
          Conv2D.evalInt8Transposed(
              p.conv(),
              (byte[]) t[p.input()],
              p.transposedFilter(),
              p.bias() < 0 ? null : (int[]) t[p.bias()],
              (byte[]) t[p.output()],
              s.ints());
    }
  }

  @Override
  public ConvParams.Window window(Object options) {
    return options instanceof Conv2DOptions o
        ? window(o.padding(), o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor())
        : null;
  }

  /** Each output element reads the filter's input channels per filter tap. */
  @Override
  protected long macsPerTap(int[] filter) {
    return filter[3];
  }

  /** Each output channel's filter errors against the input means, weighed by tap share. */
  @Override
  public double[] weightErrorShift(
      OpNode node, float[] weightError, double[] inputMean, int channels) {
    int[] shape = node.inputShape(1);
    double[] delta = new double[channels];
    // OHWI: element k of an output channel's filter is tap k / I, input channel k % I.
    double[] share = tapShares(node, shape[1], shape[2]);
    int depth = shape[3];
    int perOut = weightError.length / shape[0];
    for (int o = 0; o < shape[0]; o++) {
      double d = 0;
      for (int k = 0; k < perOut; k++) {
        d +=
            weightError[o * perOut + k]
                * inputMean[(k % depth) % inputMean.length]
                * share[k / depth];
      }
      delta[o] = d;
    }
    return delta;
  }

  /** TFLM has a 16x8 kernel for the op. */
  @Override
  public boolean supportsInt16x8() {
    return true;
  }

  /** 4: {@code op_version.cc}'s int16 branch (see docs/quant.md on its filter-type check). */
  @Override
  public int int16x8Version(OpNode quantized) {
    return 4;
  }
}
