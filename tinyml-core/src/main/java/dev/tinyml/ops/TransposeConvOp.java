package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.ChannelMultipliers;
import dev.tinyml.ops.kernels.TransposeConv;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TransposeConvOptions;

/**
 * TRANSPOSE_CONV (inputs: constant output shape, OHWI filter, NHWC input, optional bias) in
 * float32, int8 (per-channel filter, int32 bias) and 16x8 (int16 activations, int8 filter, int64
 * bias), with a fused activation. The quantizer gives it a per-channel int8 filter on the output
 * channel axis 0 and an int32 bias at input scale times filter scale, as TFLite's quantizer does.
 */
public final class TransposeConvOp extends BuiltinOp<TransposeConvOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared transpose convolution.
   *
   * @param geometry sizes, strides and padding
   * @param type the input's element type
   * @param multipliers per-channel requantization (quantized only)
   * @param inputOffset minus the input zero point
   * @param outputOffset the output zero point
   * @param min the activation clamp's low end (quantized)
   * @param max its high end (quantized)
   * @param floatMin the float clamp's low end
   * @param floatMax its high end
   * @param filter filter tensor index
   * @param input input tensor index
   * @param bias bias tensor index, -1 when absent
   * @param output output tensor index
   * @param outputCount output elements
   * @param opIndex the operator's index, which keys its 16x8 accumulators
   */
  public record Plan(
      TransposeConv.Geometry geometry,
      TensorType type,
      ChannelMultipliers multipliers,
      int inputOffset,
      int outputOffset,
      int min,
      int max,
      float floatMin,
      float floatMax,
      int filter,
      int input,
      int bias,
      int output,
      int outputCount,
      int opIndex)
      implements OpPlan {

    @Override
    public int scratchInts() {
      return type == TensorType.INT8 ? outputCount : 0;
    }

    @Override
    public OpState newState() {
      return type == TensorType.INT16 ? new LongAccumulators(outputCount) : null;
    }
  }

  /** The 16x8 kernel's int64 accumulators, one per output element and per interpreter. */
  static final class LongAccumulators implements OpState {
    final long[] values;

    LongAccumulators(int n) {
      values = new long[n];
    }

    @Override
    public void reset() {
      java.util.Arrays.fill(values, 0L);
    }
  }

  /** The op. */
  public TransposeConvOp() {
    super(BuiltinOperator.TRANSPOSE_CONV, 5, "AddTransposeConv");
  }

  @Override
  public Plan prepare(OpContext c) {
    TransposeConvOptions o = c.options(TransposeConvOptions.class);
    int[] outShape = OpInputs.constantInts(c, 0, "output_shape");
    Tensor filter = c.input(1);
    Tensor in = c.input(2);
    Tensor out = c.output(0);
    c.requireHybridFree(in, filter);
    TransposeConv.Geometry g =
        c.kernelPlan(
            () ->
                TransposeConv.geometry(
                    in.shape(),
                    filter.shape(),
                    outShape,
                    o.strideH(),
                    o.strideW(),
                    o.padding() == Padding.SAME));
    OpInputs.requireOutput(c, out, outShape);
    Activation act = c.activation(o.fusedActivation());
    int bias = c.inputCount() > 3 ? c.in(3) : -1;
    int n = out.elementCount();
    TensorType t = in.type();
    if (t == TensorType.FLOAT32 && filter.type() == TensorType.FLOAT32 && out.type() == t) {
      c.checkBias(3, TensorType.FLOAT32, g.outDepth());
      return new Plan(
          g,
          t,
          null,
          0,
          0,
          0,
          0,
          act.floatMin(),
          act.floatMax(),
          c.in(1),
          c.in(2),
          bias,
          c.out(0),
          n,
          c.index());
    }
    boolean int8 = t == TensorType.INT8;
    boolean int16 = t == TensorType.INT16;
    if ((int8 || int16) && filter.type() == TensorType.INT8 && out.type() == t) {
      c.checkBias(3, int8 ? TensorType.INT32 : TensorType.INT64, g.outDepth());
      if (int16 && (c.zeroPoint(in) != 0 || c.zeroPoint(out) != 0)) {
        throw c.fail("16x8 input and output need zero point 0, as TFLite quantizes them");
      }
      ChannelMultipliers m =
          ChannelMultipliers.of(c.scale(in), c.scales(filter), c.scale(out), g.outDepth());
      int[] range =
          act.quantizedRange(
              c.scale(out),
              c.zeroPoint(out),
              int8 ? Byte.MIN_VALUE : Short.MIN_VALUE,
              int8 ? Byte.MAX_VALUE : Short.MAX_VALUE);
      return new Plan(
          g,
          t,
          m,
          -c.zeroPoint(in),
          c.zeroPoint(out),
          range[0],
          range[1],
          0,
          0,
          c.in(1),
          c.in(2),
          bias,
          c.out(0),
          n,
          c.index());
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Object bias = p.bias() < 0 ? null : t[p.bias()];
    switch (p.type()) {
      case FLOAT32 ->
          TransposeConv.eval(
              p.geometry(),
              (float[]) t[p.input()],
              (float[]) t[p.filter()],
              (float[]) bias,
              p.floatMin(),
              p.floatMax(),
              (float[]) t[p.output()]);
      case INT8 ->
          TransposeConv.eval(
              p.geometry(),
              (byte[]) t[p.input()],
              p.inputOffset(),
              (byte[]) t[p.filter()],
              (int[]) bias,
              p.multipliers(),
              p.outputOffset(),
              p.min(),
              p.max(),
              s.ints(),
              (byte[]) t[p.output()]);
      default ->
          TransposeConv.eval(
              p.geometry(),
              (short[]) t[p.input()],
              (byte[]) t[p.filter()],
              (long[]) bias,
              p.multipliers(),
              p.min(),
              p.max(),
              ((LongAccumulators) s.state(p.opIndex())).values,
              (short[]) t[p.output()]);
    }
  }

  /** {@code N*inH*inW*inC*kH*kW*outC}: every input element meets the whole filter. */
  @Override
  public long macs(OpNode node) {
    int[] f = node.inputShape(1);
    int[] x = node.inputShape(2);
    return MacMath.rank(x, 4) && MacMath.rank(f, 4)
        ? MacMath.mul(MacMath.count(x), f[0], f[1], f[2])
        : 0;
  }

  /** The filter or weight matrix is input 1. */
  @Override
  public int weightsInput() {
    return 1;
  }

  /** The OHWI filter's output channels are axis 0. */
  @Override
  public int weightsChannelAxis() {
    return 0;
  }

  /** The data is input 2 (after the output shape and the filter), the bias input 3. */
  @Override
  public WeightedInputs weightedInputs() {
    return new WeightedInputs(2, 1, 3);
  }

  /** 4 with a fused activation, 3 with a bias, else 2, as the converter sets them. */
  @Override
  public int int8Version(OpNode quantized) {
    if (quantized.options() instanceof TransposeConvOptions o
        && o.fusedActivation() != ActivationFunctionType.NONE) {
      return 4;
    }
    return quantized.input(3) != null ? 3 : 2;
  }

  /**
   * Each output channel's filter errors against the input means, each tap weighed by how many input
   * positions it carries into the output per output position (with stride s, about 1/s^2 of the
   * taps reach each output).
   */
  @Override
  public double[] weightErrorShift(
      OpNode node, float[] weightError, double[] inputMean, int channels) {
    int[] f = node.inputShape(1);
    TransposeConvOptions o = (TransposeConvOptions) node.options();
    TransposeConv.Geometry g =
        TransposeConv.geometry(
            node.inputShape(2),
            f,
            node.outputShape(0),
            o.strideH(),
            o.strideW(),
            o.padding() == Padding.SAME);
    double[] rows = tapReach(g.inHeight(), g.outHeight(), f[1], g.strideHeight(), g.padHeight());
    double[] cols = tapReach(g.inWidth(), g.outWidth(), f[2], g.strideWidth(), g.padWidth());
    int depth = f[3];
    int perOut = f[1] * f[2] * depth;
    double[] delta = new double[channels];
    for (int c = 0; c < f[0]; c++) {
      double d = 0;
      for (int k = 0; k < perOut; k++) {
        int tap = k / depth;
        d +=
            weightError[c * perOut + k]
                * inputMean[(k % depth) % inputMean.length]
                * rows[tap / f[2]]
                * cols[tap % f[2]];
      }
      delta[c] = d;
    }
    return delta;
  }

  /**
   * Along one axis, per filter tap, the input positions whose contribution through that tap lands
   * inside the output, divided by the output's length.
   */
  private static double[] tapReach(int in, int out, int kernel, int stride, int pad) {
    double[] reach = new double[kernel];
    for (int k = 0; k < kernel; k++) {
      int inside = 0;
      for (int i = 0; i < in; i++) {
        int pos = i * stride - pad + k;
        if (pos >= 0 && pos < out) {
          inside++;
        }
      }
      reach[k] = out == 0 ? 0 : (double) inside / out;
    }
    return reach;
  }

  /**
   * {@code TfLiteTransposeConvParams}: the padding enum, two strides, then the activation and bias
   * type enums. {@code ConvParams} (56 bytes), two buffer indices and the two per-channel array
   * pointers.
   */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(
        abi.byEnums(new CStruct(16, 4), new CStruct(20, 4)), abi.byPointer(80, 72));
  }

  /** The per-channel multipliers and shifts, allocated for every type, float included. */
  @Override
  public int[] prepareAllocations(OpNode node) {
    int[] f = node.inputShape(1);
    if (f.length != 4) {
      throw new IllegalArgumentException("lacks its 4-D filter (input 1); malformed model.");
    }
    return TflmFootprint.perChannel(f[0]);
  }

  /**
   * The quantized kernels' accumulators, one per output element (int32 for int8, int64 for 16x8),
   * then for 16x8 with an int16 bias that bias widened to int64.
   */
  @Override
  public int[] scratchRequests(OpNode node) {
    Tensor in = node.input(2);
    Tensor out = node.output(0);
    Tensor bias = node.inputCount() > 3 ? node.input(3) : null;
    if (in == null || out == null) {
      throw new IllegalArgumentException("lacks its input (input 2) or output; malformed model.");
    }
    return switch (in.type()) {
      case INT8 -> new int[] {4 * out.elementCount()};
      case INT16 ->
          bias != null && bias.type() == TensorType.INT16
              ? new int[] {8 * out.elementCount(), 8 * bias.elementCount()}
              : new int[] {8 * out.elementCount()};
      default -> new int[0];
    };
  }
}
