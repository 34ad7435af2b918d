package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.ops.kernels.DepthwiseConv2D;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.TensorType;

/**
 * DEPTHWISE_CONV_2D, float32, int8 or 16x8 (int16 activations, int8 filter, int64 bias) with
 * per-channel multipliers.
 */
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
    INT8_ROWS,
    /** {@link DepthwiseConv2D#evalInt16}: 16x8 with an int64 bias. */
    INT16
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
        case FLOAT, INT16 -> 0;
        case INT8 -> conv.scratchSize();
        case INT8_ROWS -> conv.rowScratchSize();
      };
    }

    @Override
    public int scratchFloats() {
      return kernel == Kernel.FLOAT ? conv.scratchSize() : 0;
    }
  }

  private static final Loop<Object, long[], Void> INT16_LOOP =
      (q, in, f, b, out, unused) ->
          DepthwiseConv2D.evalInt16(q, (short[]) in, (byte[]) f, b, (short[]) out);

  /** The op. */
  public DepthwiseConv2DOp() {
    super(BuiltinOperator.DEPTHWISE_CONV_2D, 7, "AddDepthwiseConv2D", 3);
  }

  @Override
  public Plan prepare(OpContext c) {
    DepthwiseConv2DOptions o = c.options(DepthwiseConv2DOptions.class);
    ConvParams p = params(c, o, o.fusedActivation(), DepthwiseConv2D::filterInC);
    boolean isFloat = p.multipliers() == null;
    Kernel kernel;
    if (isFloat) {
      kernel = Kernel.FLOAT;
    } else if (c.input(0).type() == TensorType.INT16) {
      kernel = Kernel.INT16;
    } else {
      kernel = p.inC() <= SMALL_DEPTHWISE_CHANNELS ? Kernel.INT8_ROWS : Kernel.INT8;
    }
    return new Plan(p, kernel, c.in(0), c.in(1), c.in(2), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    switch (p.kernel()) {
      case FLOAT -> run(DepthwiseConv2D::evalFloat, p, t, s.floats());
      case INT8 -> run(DepthwiseConv2D::evalInt8, p, t, s.ints());
      case INT8_ROWS -> run(DepthwiseConv2D::evalInt8Rows, p, t, s.ints());
      case INT16 -> run(INT16_LOOP, p, t, null);
    }
  }

  @Override
  public ConvParams.Window window(Object options) {
    return options instanceof DepthwiseConv2DOptions o
        ? window(o.padding(), o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor())
        : null;
  }

  /** TFLM's 16x8 depthwise kernel reads the bias as int64 only. */
  @Override
  boolean takesInt32BiasIn16x8() {
    return false;
  }

  /**
   * 2 for a dilated filter, else 1: op_version.cc's "int16, version 5" rule asks for int16 filters,
   * which 16x8 never has.
   */
  @Override
  int int16Version(OpNode quantized) {
    return quantized.options() instanceof DepthwiseConv2DOptions o
            && (o.dilationWFactor() != 1 || o.dilationHFactor() != 1)
        ? 2
        : 1;
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
}
