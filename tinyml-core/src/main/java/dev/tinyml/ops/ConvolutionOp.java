package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.ChannelMultipliers;
import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What CONV_2D and DEPTHWISE_CONV_2D share: tensor checks, per-channel multipliers and the {@link
 * ConvParams} they compute, their in-place rule, TFLM footprint and quantizer rules. They differ in
 * their options record, the filter layout ({@link #weightsChannelAxis()}) and their loops.
 *
 * @param <P> the op's plan record
 */
public abstract class ConvolutionOp<P extends ConvolutionOp.ConvPlan> extends BuiltinOp<P>
    implements TflmFootprint, Int8Rules {

  /** The plan of a convolution: its parameters and tensors. */
  public interface ConvPlan extends OpPlan {
    /** Shapes, padding, strides, dilation, multipliers, offsets and clamps. */
    ConvParams conv();

    /** Input tensor index. */
    int input();

    /** Filter tensor index. */
    int filter();

    /** Bias tensor index, -1 when absent. */
    int bias();

    /** Output tensor index. */
    int output();
  }

  /**
   * A kernel loop over a convolution's arrays: {@code A} the input, filter and output array type,
   * {@code B} the bias's, {@code S} the scratch's.
   */
  @FunctionalInterface
  interface Loop<A, B, S> {
    void run(ConvParams p, A in, A filter, B bias, A out, S scratch);
  }

  private final int weightsChannelAxis;

  /**
   * @param builtin the builtin code
   * @param maxVersion the newest operator version the op implements
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it
   * @param weightsChannelAxis the filter axis holding output channels
   */
  ConvolutionOp(
      BuiltinOperator builtin, int maxVersion, String resolverMethod, int weightsChannelAxis) {
    super(builtin, maxVersion, resolverMethod);
    this.weightsChannelAxis = weightsChannelAxis;
  }

  @Override
  public final int weightsChannelAxis() {
    return weightsChannelAxis;
  }

  /** The window of options with these fields. */
  static ConvParams.Window window(
      Padding padding, int strideH, int strideW, int dilationH, int dilationW) {
    return new ConvParams.Window(padding == Padding.SAME, strideH, strideW, dilationH, dilationW);
  }

  /** Runs {@code loop} over the plan's tensors, whose arrays are of the loop's types. */
  @SuppressWarnings("unchecked")
  static <A, B, S> void run(Loop<A, B, S> loop, ConvPlan p, Object[] t, S scratch) {
    int b = p.bias();
    loop.run(
        p.conv(),
        (A) t[p.input()],
        (A) t[p.filter()],
        b < 0 ? null : (B) t[b],
        (A) t[p.output()],
        scratch);
  }

  /**
   * The window (padding, strides, dilation) of the operator's options, or null when they are not of
   * its kind.
   */
  public abstract ConvParams.Window window(Object options);

  /**
   * The parameters of a convolution whose {@code options} give the window and the fused {@code
   * activation}: the activation is checked first, then as {@link #params(OpContext,
   * ConvParams.Window, Activation, ConvParams.FilterChannels)}.
   */
  ConvParams params(
      OpContext c,
      Object options,
      ActivationFunctionType activation,
      ConvParams.FilterChannels channels) {
    Activation act = c.activation(activation);
    return params(c, window(options), act, channels);
  }

  /**
   * Checks a convolution's tensors (NHWC input and output, 4-D filter, bias one per output channel)
   * and computes its parameters with the kernel's channel rule; float32, int8 or 16x8 (int16
   * activations with zero point 0, int8 filter, int64 bias), other type mixes fail.
   */
  ConvParams params(
      OpContext c, ConvParams.Window window, Activation act, ConvParams.FilterChannels channels) {
    Tensor in = c.input(0);
    Tensor w = c.input(1);
    Tensor out = c.output(0);
    c.requireHybridFree(in, w);
    boolean isFloat = in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32;
    boolean isInt8 =
        in.type() == TensorType.INT8
            && w.type() == TensorType.INT8
            && out.type() == TensorType.INT8;
    boolean isInt16 =
        in.type() == TensorType.INT16
            && w.type() == TensorType.INT8
            && out.type() == TensorType.INT16;
    if (!isFloat && !isInt8 && !isInt16) {
      throw c.unsupportedTypes();
    }
    c.requireRank(in, 4, "input");
    c.requireRank(w, 4, "filter");
    c.requireRank(out, 4, "output");
    if (isInt16) {
      check16x8(c, out.shape()[3]);
    } else {
      c.checkBias(2, isFloat ? TensorType.FLOAT32 : TensorType.INT32, out.shape()[3]);
    }
    return c.kernelPlan(
        () ->
            ConvParams.of(
                channels,
                in.shape(),
                w.shape(),
                out.shape(),
                window,
                act,
                isFloat
                    ? null
                    : new ConvParams.Quantization(
                        c.zeroPoint(in),
                        c.scale(out),
                        c.zeroPoint(out),
                        multipliers(c, w.shape()[weightsChannelAxis()]),
                        isInt16 ? Short.MIN_VALUE : Byte.MIN_VALUE,
                        isInt16 ? Short.MAX_VALUE : Byte.MAX_VALUE)));
  }

  /**
   * Whether the op's TFLM 16x8 kernel also takes an int32 bias (accumulating in int32), besides the
   * int64 one.
   */
  abstract boolean takesInt32BiasIn16x8();

  /**
   * The 16x8 checks: TFLM's int16 kernels add no offsets, so the activations need zero point 0 (as
   * TFLite quantizes them), and the bias is int64 (or int32 where the kernel takes it).
   */
  private void check16x8(OpContext c, int channels) {
    if (c.zeroPoint(c.input(0)) != 0 || c.zeroPoint(c.output(0)) != 0) {
      throw c.fail(
          "16x8 input "
              + OpContext.describe(c.input(0))
              + " and output "
              + OpContext.describe(c.output(0))
              + " need zero point 0, as TFLite quantizes them");
    }
    int b = c.in(2);
    boolean int32 = b >= 0 && c.tensor(b).type() == TensorType.INT32 && takesInt32BiasIn16x8();
    c.checkBias(2, int32 ? TensorType.INT32 : TensorType.INT64, channels);
  }

  /** Whether a 16x8 convolution accumulates in int32: an int32 bias, or the options ask for one. */
  static boolean int32Accumulation(OpContext c, TensorType quantizedBiasType) {
    int b = c.in(2);
    return b >= 0 ? c.tensor(b).type() == TensorType.INT32 : quantizedBiasType == TensorType.INT32;
  }

  /**
   * The per-channel multipliers of an int8 convolution with {@code channels} output channels; the
   * filter has one scale or one per channel.
   */
  private static ChannelMultipliers multipliers(OpContext c, int channels) {
    Tensor w = c.input(1);
    float[] ws = c.scales(w);
    if (ws.length != 1 && ws.length != channels) {
      throw c.fail(
          "weights "
              + OpContext.describe(w)
              + " have "
              + ws.length
              + " scales for "
              + channels
              + " output channels");
    }
    return ChannelMultipliers.of(c.scale(c.input(0)), ws, c.scale(c.output(0)), channels);
  }

  /** Output rows are written in order, each reading input rows from its window's top on. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    ConvParams.Window w = window(node.options());
    if (w == null) {
      return InPlaceRule.NONE;
    }
    int[] f = node.inputShape(1);
    return new InPlaceRule.Rows(
        w.strideH(),
        f.length == 4 ? f[1] : -1,
        w.dilationH(),
        w.samePadding() ? Padding.SAME : Padding.VALID);
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(28, 4), abi.byPointer(72, 56));
  }

  /** The per-channel multipliers and shifts, one per output channel of the filter. */
  @Override
  public int[] prepareAllocations(OpNode node) {
    int[] f = node.inputShape(1);
    if (f.length != 4) {
      throw new IllegalArgumentException("lacks its 4-D filter (input 1); malformed model.");
    }
    return TflmFootprint.perChannel(f[weightsChannelAxis()]);
  }

  @Override
  public int[] scratchRequests(OpNode node) {
    return TflmFootprint.int4FilterScratch(node);
  }

  /** TFLM's 16x8 kernels: int16 activations, int8 filter, int64 bias. */
  @Override
  public boolean takesInt16Activations() {
    return true;
  }

  /** 3 for int8; 16x8 as {@link #int16Version}. */
  @Override
  public int int8Version(OpNode quantized) {
    return Int8Rules.hasInt16Input(quantized) ? int16Version(quantized) : 3;
  }

  /** The version op_version.cc gives the op's 16x8 form. */
  abstract int int16Version(OpNode quantized);

  /**
   * For each kernel tap (row-major over its height and width), the share of output positions at
   * which it reads the input rather than the zero padding around it: the weight error at a tap only
   * shifts the output where the tap sees data, so bias correction weighs it by this.
   */
  protected final double[] tapShares(OpNode node, int kernelH, int kernelW) {
    int[] in = node.inputShape(0);
    int[] out = node.outputShape(0);
    ConvParams.Window w = window(node.options());
    if (w == null) {
      w = new ConvParams.Window(false, 1, 1, 1, 1);
    }
    Padding padding = w.samePadding() ? Padding.SAME : Padding.VALID;
    double[] rows =
        axisShares(
            in[1], out[1], kernelH, Math.max(1, w.strideH()), Math.max(1, w.dilationH()), padding);
    double[] cols =
        axisShares(
            in[2], out[2], kernelW, Math.max(1, w.strideW()), Math.max(1, w.dilationW()), padding);
    double[] share = new double[kernelH * kernelW];
    for (int y = 0; y < kernelH; y++) {
      for (int x = 0; x < kernelW; x++) {
        share[y * kernelW + x] = rows[y] * cols[x];
      }
    }
    return share;
  }

  /** Along one axis, the share of output positions at which each tap lands inside the input. */
  public static double[] axisShares(
      int in, int out, int kernel, int stride, int dilation, Padding padding) {
    int before = 0;
    if (padding == Padding.SAME) {
      int total = Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - in, 0);
      before = total / 2;
    }
    double[] share = new double[kernel];
    for (int k = 0; k < kernel; k++) {
      int inside = 0;
      for (int o = 0; o < out; o++) {
        int pos = o * stride - before + k * dilation;
        if (pos >= 0 && pos < in) {
          inside++;
        }
      }
      share[k] = out == 0 ? 0 : (double) inside / out;
    }
    return share;
  }

  /** The filter or weight matrix is input 1. */
  @Override
  public int weightsInput() {
    return 1;
  }

  /**
   * Output elements times the filter's taps times {@link #macsPerTap}: {@code
   * N*outH*outW*outC*kH*kW*inC} for CONV_2D, {@code N*outH*outW*outC*kH*kW} for DEPTHWISE_CONV_2D.
   */
  @Override
  public long macs(OpNode node) {
    int[] out = node.outputShape(0);
    int[] f = node.inputShape(1);
    return MacMath.rank(out, 4) && MacMath.rank(f, 4)
        ? MacMath.mul(MacMath.count(out), f[1], f[2], macsPerTap(f))
        : 0;
  }

  /** Multiply-accumulates per output element and filter tap, from the 4-D filter shape. */
  protected abstract long macsPerTap(int[] filter);
}
