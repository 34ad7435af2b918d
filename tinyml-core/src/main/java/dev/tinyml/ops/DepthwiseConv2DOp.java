package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.ops.kernels.DepthwiseConv2D;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DepthwiseConv2DOptions;

/** DEPTHWISE_CONV_2D, float32 or int8 with per-channel multipliers. */
public final class DepthwiseConv2DOp extends ConvolutionOp<DepthwiseConv2DOp.Plan> {

  /** Up to this many input channels, int8 depthwise convolutions run row by row. */
  static final int SMALL_DEPTHWISE_CHANNELS = 8;

  /** Which loop runs the convolution. */
  public enum Kernel {
    /** {@link DepthwiseConv2D#evalFloat}. */
    FLOAT,
    /** {@link DepthwiseConv2D#evalInt8}: pixel by pixel. */
    INT8,
    /** {@link DepthwiseConv2D#evalInt8Rows}: row by row, for few input channels. */
    INT8_ROWS
  }

  /**
   * A prepared depthwise convolution.
   *
   * @param conv shapes, padding, strides, dilation, multipliers, offsets and clamps
   * @param kernel the loop that runs it
   * @param input input tensor index
   * @param filter filter tensor index
   * @param bias bias tensor index, -1 when absent
   * @param output output tensor index
   */
  public record Plan(ConvParams conv, Kernel kernel, int input, int filter, int bias, int output)
      implements ConvPlan {
    @Override
    public int scratchInts() {
      return switch (kernel) {
        case FLOAT -> 0;
        case INT8 -> conv.scratchSize();
        case INT8_ROWS -> conv.rowScratchSize();
      };
    }

    @Override
    public int scratchFloats() {
      return kernel == Kernel.FLOAT ? conv.scratchSize() : 0;
    }
  }

  /** The op. */
  public DepthwiseConv2DOp() {
    super(BuiltinOperator.DEPTHWISE_CONV_2D, 7, "AddDepthwiseConv2D", 3);
  }

  @Override
  public Plan prepare(OpContext c) {
    DepthwiseConv2DOptions o = c.options(DepthwiseConv2DOptions.class);
    ConvParams p = params(c, o, o.fusedActivation(), DepthwiseConv2D::prepare);
    boolean isFloat = p.multipliers() == null;
    Kernel kernel =
        isFloat
            ? Kernel.FLOAT
            : p.inC() <= SMALL_DEPTHWISE_CHANNELS ? Kernel.INT8_ROWS : Kernel.INT8;
    return new Plan(p, kernel, c.in(0), c.in(1), c.in(2), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    switch (p.kernel()) {
      case FLOAT -> run(DepthwiseConv2D::evalFloat, p, t, s.floats());
      case INT8 -> run(DepthwiseConv2D::evalInt8, p, t, s.ints());
      case INT8_ROWS -> run(DepthwiseConv2D::evalInt8Rows, p, t, s.ints());
    }
  }

  @Override
  public ConvParams.Window window(Object options) {
    return options instanceof DepthwiseConv2DOptions o
        ? window(o.padding(), o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor())
        : null;
  }

  /** Each output element reads one input channel per filter tap. */
  @Override
  protected long macsPerTap(int[] filter) {
    return 1;
  }

  /** Each channel's filter errors against the mean of the input channel it reads. */
  @Override
  public double[] weightErrorShift(
      OpNode node, float[] weightError, double[] inputMean, int channels) {
    int[] shape = node.inputShape(1);
    double[] delta = new double[channels];
    int outChannels = shape[3];
    int multiplier =
        node.options() instanceof DepthwiseConv2DOptions o ? Math.max(1, o.depthMultiplier()) : 1;
    double[] share = tapShares(node, shape[1], shape[2]);
    for (int i = 0; i < weightError.length; i++) {
      int c = i % outChannels;
      delta[c] +=
          weightError[i] * inputMean[(c / multiplier) % inputMean.length] * share[i / outChannels];
    }
    return delta;
  }

  /** TFLM has a 16x8 kernel for the op. */
  @Override
  public boolean supportsInt16x8() {
    return true;
  }

  /** 5: {@code op_version.cc}'s int16 branch (see docs/quant.md on its filter-type check). */
  @Override
  public int int16x8Version(OpNode quantized) {
    return 5;
  }
}
