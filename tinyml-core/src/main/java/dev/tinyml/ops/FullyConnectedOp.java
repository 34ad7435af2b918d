package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.ChannelMultipliers;
import dev.tinyml.ops.kernels.FullyConnected;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** FULLY_CONNECTED, float32 or int8 with per-tensor or per-channel weights. */
public final class FullyConnectedOp extends BuiltinOp<FullyConnectedOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared fully connected layer.
   *
   * @param kernel shapes, multipliers, offsets and clamps
   * @param isFloat true for the float kernel, false for int8
   * @param input input tensor index
   * @param weights weights tensor index
   * @param bias bias tensor index, -1 when absent
   * @param output output tensor index
   */
  public record Plan(
      FullyConnected.Plan kernel, boolean isFloat, int input, int weights, int bias, int output)
      implements OpPlan {}

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
      return new Plan(p, true, c.in(0), c.in(1), bi, c.out(0));
    }
    if (in.type() == TensorType.INT8
        && w.type() == TensorType.INT8
        && out.type() == TensorType.INT8
        && (bi < 0 || c.tensor(bi).type() == TensorType.INT32)) {
      c.checkBias(2, TensorType.INT32, outDepth);
      float[] wScales = c.scales(w);
      ChannelMultipliers m =
          wScales.length > 1
              ? ChannelMultipliers.of(c.scale(in), wScales, c.scale(out), outDepth)
              : ChannelMultipliers.perTensorFloatProduct(
                  c.scale(in), wScales[0], c.scale(out), outDepth);
      FullyConnected.Plan p =
          FullyConnected.prepareInt8(
              outElements,
              accumDepth,
              outDepth,
              c.zeroPoint(in),
              c.zeroPoint(w),
              c.scale(out),
              c.zeroPoint(out),
              m,
              act);
      return new Plan(p, false, c.in(0), c.in(1), bi, c.out(0));
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.isFloat()) {
      FullyConnected.evalFloat(
          p.kernel(),
          (float[]) t[p.input()],
          (float[]) t[p.weights()],
          p.bias() < 0 ? null : (float[]) t[p.bias()],
          (float[]) t[p.output()]);
    } else {
      FullyConnected.evalInt8(
          p.kernel(),
          (byte[]) t[p.input()],
          (byte[]) t[p.weights()],
          p.bias() < 0 ? null : (int[]) t[p.bias()],
          (byte[]) t[p.output()]);
    }
  }

  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return abi.byEnums(new CStruct(5, 1), new CStruct(16, 4));
  }

  @Override
  public int opData(OpNode node, Abi abi) {
    return abi.byPointer(64, 48);
  }

  /** Integer kernels keep per-channel multipliers and shifts when the weights are per-channel. */
  @Override
  public int[] prepareAllocations(OpNode node) {
    Tensor in = node.input(0);
    Tensor w = node.input(1);
    if (in == null || w == null) {
      throw new IllegalArgumentException("lacks its input 0 or 1; malformed model.");
    }
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

  /** 6 without a bias input, 5 when keeping dimensions, else 4. */
  @Override
  public int int8Version(OpNode quantized) {
    if (quantized.inputCount() == 2) {
      return 6;
    }
    if (quantized.options() instanceof FullyConnectedOptions o && o.keepNumDims()) {
      return 5;
    }
    return 4;
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

  /** TFLM has a 16x8 kernel for the op. */
  @Override
  public boolean supportsInt16x8() {
    return true;
  }

  /** 7: {@code op_version.cc}'s int16 branch (see docs/quant.md on its filter-type check). */
  @Override
  public int int16x8Version(OpNode quantized) {
    return 7;
  }
}
