package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Conv2D;
import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.TensorType;

/**
 * CONV_2D over NHWC input with OHWI filters, float32, int8 or 16x8 (int16 activations, int8 filter,
 * int64 or int32 bias) with per-channel multipliers.
 */
public final class Conv2DOp extends ConvolutionOp<Conv2DOp.Plan> {

  /** Which loop runs the convolution. */
  public enum Kernel {
    /** {@link Conv2D#evalFloat}. */
    FLOAT,
    /** {@link Conv2D#evalInt8}: the reference loop, for grouped or non-constant filters. */
    INT8,
    /** {@link Conv2D#evalInt8Transposed} over {@link Plan#transposedFilter()}. */
    INT8_TRANSPOSED,
    /** {@link Conv2D#evalInt16}: 16x8 with an int64 bias and accumulators. */
    INT16,
    /** {@link Conv2D#evalInt16Int32Bias}: 16x8 with an int32 bias and accumulators. */
    INT16_INT32_BIAS
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

  private static final Loop<Object, long[], Void> INT16_LOOP =
      (q, in, f, b, out, unused) -> Conv2D.evalInt16(q, (short[]) in, (byte[]) f, b, (short[]) out);

  private static final Loop<Object, int[], Void> INT16_INT32_BIAS_LOOP =
      (q, in, f, b, out, unused) ->
          Conv2D.evalInt16Int32Bias(q, (short[]) in, (byte[]) f, b, (short[]) out);

  /** The op. */
  public Conv2DOp() {
    super(BuiltinOperator.CONV_2D, 8, "AddConv2D", 0);
  }

  @Override
  public Plan prepare(OpContext c) {
    Conv2DOptions o = c.options(Conv2DOptions.class);
    ConvParams p = params(c, o, o.fusedActivation(), Conv2D::filterInC);
    boolean isFloat = p.multipliers() == null;
    Kernel kernel;
    int[] transposed = null;
    if (isFloat) {
      kernel = Kernel.FLOAT;
    } else if (c.input(0).type() == TensorType.INT16) {
      kernel = int32Accumulation(c, o.quantizedBiasType()) ? Kernel.INT16_INT32_BIAS : Kernel.INT16;
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
      case INT16 -> run(INT16_LOOP, p, t, null);
      case INT16_INT32_BIAS -> run(INT16_INT32_BIAS_LOOP, p, t, null);
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

  @Override
  boolean takesInt32BiasIn16x8() {
    return true;
  }

  /**
   * 8 when the options set {@code quantized_bias_type}, 6 for grouped filters, else 1:
   * op_version.cc's "int16, version 4" rule asks for int16 filters, which 16x8 never has.
   */
  @Override
  int int16Version(OpNode quantized) {
    if (quantized.options() instanceof Conv2DOptions o
        && o.quantizedBiasType() != TensorType.FLOAT32) {
      return 8;
    }
    int[] in = quantized.inputShape(0);
    int[] f = quantized.inputShape(1);
    return in.length == 4 && f.length == 4 && in[3] != f[3] ? 6 : 1;
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
}
