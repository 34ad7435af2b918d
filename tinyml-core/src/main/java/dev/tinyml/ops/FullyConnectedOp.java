package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.ChannelMultipliers;
import dev.tinyml.ops.kernels.FullyConnected;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * FULLY_CONNECTED, float32, int8 or 16x8 (int16 activations, int8 weights, int64 or int32 bias)
 * with per-tensor or per-channel weights.
 */
public final class FullyConnectedOp extends BuiltinOp<FullyConnectedOp.Plan>
    implements TflmFootprint, Int8Rules {

  /** Which loop runs the layer. */
  public enum Loop {
    /** {@link FullyConnected#evalFloat}. */
    FLOAT,
    /** {@link FullyConnected#evalInt8}. */
    INT8,
    /** {@link FullyConnected#evalInt16}: int16 activations, int64 bias and accumulators. */
    INT16,
    /**
     * {@link FullyConnected#evalInt16Int32Bias}: int16 activations, int32 bias and accumulators.
     */
    INT16_INT32_BIAS
  }

  /**
   * A prepared fully connected layer.
   *
   * @param kernel shapes, multipliers, offsets and clamps
   * @param loop the loop that runs it
   * @param input input tensor index
   * @param weights weights tensor index
   * @param bias bias tensor index, -1 when absent
   * @param output output tensor index
   */
  public record Plan(
      FullyConnected.Plan kernel, Loop loop, int input, int weights, int bias, int output)
      implements OpPlan {
    /** Whether the float loop runs it. */
    public boolean isFloat() {
      return loop == Loop.FLOAT;
    }
  }

  /** The op. */
  public FullyConnectedOp() {
    super(BuiltinOperator.FULLY_CONNECTED, 13, "AddFullyConnected");
  }

  @Override
  public Plan prepare(OpContext c) {
    Activation act =
        c.fusedActivation(FullyConnectedOptions.class, FullyConnectedOptions::fusedActivation);
    Tensor in = c.input(0);
    Tensor w = c.input(1);
    Tensor out = c.output(0);
    c.requireHybridFree(in, w);
    int[] ws = w.shape();
    int[] os = out.shape();
    if (ws.length == 0 || os.length == 0 || os[os.length - 1] == 0) {
      throw c.fail(
          "weights "
              + OpContext.describe(w)
              + " and output "
              + OpContext.describe(out)
              + " need a non-empty last dimension");
    }
    int accumDepth = ws[ws.length - 1];
    int outDepth = os[os.length - 1];
    int outElements = out.elementCount();
    if (in.elementCount() != (outElements / outDepth) * accumDepth
        || w.elementCount() != (long) outDepth * accumDepth) {
      throw c.fail(
          "input " + OpContext.describe(in) + " does not match weights " + OpContext.describe(w));
    }
    int bi = c.in(2);
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      c.checkBias(2, TensorType.FLOAT32, outDepth);
      FullyConnected.Plan p = FullyConnected.prepareFloat(outElements, accumDepth, outDepth, act);
      return new Plan(p, Loop.FLOAT, c.in(0), c.in(1), bi, c.out(0));
    }
    boolean int8 =
        in.type() == TensorType.INT8
            && w.type() == TensorType.INT8
            && out.type() == TensorType.INT8
            && (bi < 0 || c.tensor(bi).type() == TensorType.INT32);
    boolean int16 =
        in.type() == TensorType.INT16
            && w.type() == TensorType.INT8
            && out.type() == TensorType.INT16;
    if (int8 || int16) {
      Loop loop = int8 ? Loop.INT8 : int16Loop(c, bi);
      c.checkBias(2, loop == Loop.INT16 ? TensorType.INT64 : TensorType.INT32, outDepth);
      int inZp = c.zeroPoint(in);
      int wZp = c.zeroPoint(w);
      float outScale = c.scale(out);
      int outZp = c.zeroPoint(out);
      ChannelMultipliers mult = multipliers(c, outDepth);
      int qmin = int8 ? Byte.MIN_VALUE : Short.MIN_VALUE;
      int qmax = int8 ? Byte.MAX_VALUE : Short.MAX_VALUE;
      FullyConnected.Plan p =
          FullyConnected.prepareQuantized(
              outElements, accumDepth, outDepth, inZp, wZp, outScale, outZp, mult, act, qmin, qmax);
      return new Plan(p, loop, c.in(0), c.in(1), bi, c.out(0));
    }
    throw c.unsupportedTypes();
  }

  /**
   * The 16x8 loop TFLM picks: int32 accumulation for an int32 bias, or without a bias when the
   * options' {@code quantized_bias_type} is INT32; int64 otherwise.
   */
  private static Loop int16Loop(OpContext c, int bias) {
    if (bias >= 0) {
      TensorType t = c.tensor(bias).type();
      if (t != TensorType.INT64 && t != TensorType.INT32) {
        throw c.fail(
            "16x8 bias "
                + OpContext.describe(c.tensor(bias))
                + " must be INT64 (or INT32), as TFLite quantizes it");
      }
      return t == TensorType.INT32 ? Loop.INT16_INT32_BIAS : Loop.INT16;
    }
    FullyConnectedOptions o = c.optionsOrNull(FullyConnectedOptions.class);
    return o != null && o.quantizedBiasType() == TensorType.INT32
        ? Loop.INT16_INT32_BIAS
        : Loop.INT16;
  }

  /**
   * Per-channel multipliers in double, or one per-tensor multiplier of the float scale product, as
   * TFLM's {@code CalculateOpDataFullyConnected}.
   */
  private static ChannelMultipliers multipliers(OpContext c, int outDepth) {
    float[] wScales = c.scales(c.input(1));
    float inScale = c.scale(c.input(0));
    float outScale = c.scale(c.output(0));
    return wScales.length > 1
        ? ChannelMultipliers.of(inScale, wScales, outScale, outDepth)
        : ChannelMultipliers.perTensorFloatProduct(inScale, wScales[0], outScale, outDepth);
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    FullyConnected.Plan k = p.kernel();
    Object in = t[p.input()];
    Object w = t[p.weights()];
    Object bias = p.bias() < 0 ? null : t[p.bias()];
    Object out = t[p.output()];
    switch (p.loop()) {
      case FLOAT ->
          FullyConnected.evalFloat(k, (float[]) in, (float[]) w, (float[]) bias, (float[]) out);
      case INT8 -> FullyConnected.evalInt8(k, (byte[]) in, (byte[]) w, (int[]) bias, (byte[]) out);
      case INT16 ->
          FullyConnected.evalInt16(k, (short[]) in, (byte[]) w, (long[]) bias, (short[]) out);
      case INT16_INT32_BIAS ->
          FullyConnected.evalInt16Int32Bias(
              k, (short[]) in, (byte[]) w, (int[]) bias, (short[]) out);
    }
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(
        abi.byEnums(new CStruct(5, 1), new CStruct(16, 4)), abi.byPointer(64, 48));
  }

  /** Integer kernels keep per-channel multipliers and shifts when the weights are per-channel. */
  @Override
  public int[] prepareAllocations(OpNode node) {
    Tensor[] inputs = node.requireInputs("its input 0 or 1", 0, 1);
    Tensor in = inputs[0];
    Tensor w = inputs[1];
    QuantizationParameters q = w.quantization();
    boolean integer = in.type() == TensorType.INT8 || in.type() == TensorType.INT16;
    return integer && q != null && q.scale() != null && q.scale().length > 1
        ? TflmFootprint.perChannel(q.scale().length)
        : new int[0];
  }

  @Override
  public int[] scratchRequests(OpNode node) {
    return TflmFootprint.int4FilterScratch(node);
  }

  @Override
  public int weightsChannelAxis() {
    return 0;
  }

  @Override
  public boolean perTensorWeightsByDefault() {
    return true;
  }

  /** TFLM's 16x8 kernel: int16 activations, int8 weights, int64 bias. */
  @Override
  public boolean takesInt16Activations() {
    return true;
  }

  /**
   * 6 without a bias input, 5 when keeping dimensions, else 4 for int8. A 16x8 layer is 11 when its
   * options set {@code quantized_bias_type}, else 6 or 5 as above, else 2 for shuffled weights and
   * 1: op_version.cc's "int16 kernel, version 7" rule asks for int16 weights, so 16x8 layers fall
   * through to its generic rules.
   */
  @Override
  public int int8Version(OpNode quantized) {
    FullyConnectedOptions o = quantized.options() instanceof FullyConnectedOptions f ? f : null;
    boolean int16 = quantized.input(0).type() == TensorType.INT16;
    if (int16 && o != null && o.quantizedBiasType() != TensorType.FLOAT32) {
      return 11;
    }
    if (quantized.inputCount() == 2) {
      return 6;
    }
    if (o != null && o.keepNumDims()) {
      return 5;
    }
    if (!int16) {
      return 4;
    }
    return o != null && o.weightsFormat() == FullyConnectedOptionsWeightsFormat.SHUFFLED4x16INT8
        ? 2
        : 1;
  }

  /** {@code outUnits*inUnits} per batch row. */
  @Override
  public long macs(OpNode node) {
    int[] w = node.inputShape(1);
    return MacMath.rank(w, 2) ? MacMath.mul(MacMath.count(node.outputShape(0)), w[1]) : 0;
  }

  /** Each output unit's row of weight errors against the input means. */
  @Override
  public double[] weightErrorShift(
      OpNode node, float[] weightError, double[] inputMean, int channels) {
    int[] shape = node.inputShape(1);
    double[] delta = new double[channels];
    int perOut = weightError.length / shape[0];
    for (int o = 0; o < shape[0]; o++) {
      double d = 0;
      for (int k = 0; k < perOut; k++) {
        d += weightError[o * perOut + k] * inputMean[k % inputMean.length];
      }
      delta[o] = d;
    }
    return delta;
  }

  /** The filter or weight matrix is input 1. */
  @Override
  public int weightsInput() {
    return 1;
  }
}
