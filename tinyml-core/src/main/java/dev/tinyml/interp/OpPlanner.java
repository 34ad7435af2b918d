package dev.tinyml.interp;

import dev.tinyml.interp.kernels.Activation;
import dev.tinyml.interp.kernels.Activations;
import dev.tinyml.interp.kernels.Arithmetic;
import dev.tinyml.interp.kernels.BinaryOps;
import dev.tinyml.interp.kernels.Broadcast;
import dev.tinyml.interp.kernels.Cast;
import dev.tinyml.interp.kernels.ChannelMultipliers;
import dev.tinyml.interp.kernels.Conv2D;
import dev.tinyml.interp.kernels.DataMovement;
import dev.tinyml.interp.kernels.DepthwiseConv2D;
import dev.tinyml.interp.kernels.FullyConnected;
import dev.tinyml.interp.kernels.Gather;
import dev.tinyml.interp.kernels.Logistic;
import dev.tinyml.interp.kernels.Lstm;
import dev.tinyml.interp.kernels.Mean;
import dev.tinyml.interp.kernels.Pooling;
import dev.tinyml.interp.kernels.Quantization;
import dev.tinyml.interp.kernels.Softmax;
import dev.tinyml.interp.kernels.Svdf;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ConcatenationOptions;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.DivOptions;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.LeakyReluOptions;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.SVDFOptions;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.StridedSliceOptions;
import dev.tinyml.tflite.SubOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.UnidirectionalSequenceLSTMOptions;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Validates one op and turns it into a {@link Step} with its kernel plan computed once. */
final class OpPlanner {

  private OpPlanner() {}

  /** The newest version of each builtin op whose semantics the kernels implement. */
  static final Map<BuiltinOperator, Integer> MAX_VERSION =
      Collections.unmodifiableMap(maxVersions());

  private static Map<BuiltinOperator, Integer> maxVersions() {
    Map<BuiltinOperator, Integer> versions = new EnumMap<>(BuiltinOperator.class);
    versions.put(BuiltinOperator.FULLY_CONNECTED, 13);
    versions.put(BuiltinOperator.CONV_2D, 8);
    versions.put(BuiltinOperator.DEPTHWISE_CONV_2D, 7);
    versions.put(BuiltinOperator.AVERAGE_POOL_2D, 3);
    versions.put(BuiltinOperator.MAX_POOL_2D, 3);
    versions.put(BuiltinOperator.RESHAPE, 1);
    versions.put(BuiltinOperator.SQUEEZE, 2);
    versions.put(BuiltinOperator.SOFTMAX, 3);
    versions.put(BuiltinOperator.LOGISTIC, 3);
    versions.put(BuiltinOperator.TANH, 3);
    versions.put(BuiltinOperator.RELU, 3);
    versions.put(BuiltinOperator.RELU6, 3);
    versions.put(BuiltinOperator.LEAKY_RELU, 2);
    versions.put(BuiltinOperator.ADD, 5);
    versions.put(BuiltinOperator.SUB, 5);
    versions.put(BuiltinOperator.MUL, 7);
    versions.put(BuiltinOperator.MEAN, 3);
    versions.put(BuiltinOperator.PAD, 4);
    versions.put(BuiltinOperator.CONCATENATION, 4);
    versions.put(BuiltinOperator.QUANTIZE, 3);
    versions.put(BuiltinOperator.DEQUANTIZE, 6);
    versions.put(BuiltinOperator.SVDF, 4);
    versions.put(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 4);
    versions.put(BuiltinOperator.CAST, 6);
    versions.put(BuiltinOperator.STRIDED_SLICE, 8);
    versions.put(BuiltinOperator.DIV, 2);
    versions.put(BuiltinOperator.MINIMUM, 4);
    versions.put(BuiltinOperator.MAXIMUM, 4);
    return versions;
  }

  /** Up to this many input channels, int8 depthwise convolutions run row by row. */
  static final int SMALL_DEPTHWISE_CHANNELS = 8;

  /**
   * A planned op: its step, the scratch it needs per interpreter ({@code ints}, {@code floats}),
   * and a factory of its per-interpreter state (null when stateless).
   */
  record Prepared(
      Step step, int scratchInts, int scratchFloats, Supplier<? extends OpState> state) {
    Prepared(Step step, int scratchInts, int scratchFloats) {
      this(step, scratchInts, scratchFloats, null);
    }
  }

  static Prepared prepare(OpContext c, BuiltinOperator op) {
    return switch (op) {
      case FULLY_CONNECTED -> fullyConnected(c);
      case CONV_2D -> conv2d(c);
      case DEPTHWISE_CONV_2D -> depthwise(c);
      case AVERAGE_POOL_2D, MAX_POOL_2D -> pool(c, op == BuiltinOperator.MAX_POOL_2D);
      case RESHAPE, SQUEEZE -> copy(c);
      case SOFTMAX -> softmax(c);
      case LOGISTIC, TANH -> logisticOrTanh(c, op == BuiltinOperator.TANH);
      case RELU, RELU6 -> relu(c, op == BuiltinOperator.RELU6);
      case LEAKY_RELU -> leakyRelu(c);
      case ADD -> arithmetic(c, Arithmetic.Op.ADD);
      case SUB -> arithmetic(c, Arithmetic.Op.SUB);
      case MUL -> arithmetic(c, Arithmetic.Op.MUL);
      case MEAN -> mean(c);
      case PAD -> pad(c);
      case CONCATENATION -> concat(c);
      case QUANTIZE -> quantize(c);
      case DEQUANTIZE -> dequantize(c);
      case SVDF -> svdf(c);
      case UNIDIRECTIONAL_SEQUENCE_LSTM -> lstm(c);
      case CAST -> cast(c);
      case STRIDED_SLICE -> stridedSlice(c);
      case DIV -> binary(c, BinaryOps.Op.DIV);
      case MINIMUM -> binary(c, BinaryOps.Op.MINIMUM);
      case MAXIMUM -> binary(c, BinaryOps.Op.MAXIMUM);
      default ->
          throw c.fail(
              "unsupported op: the interpreter implements "
                  + MAX_VERSION.keySet()
                  + "; remove or replace this op, or run the model on TFLite Micro");
    };
  }

  private static Prepared simple(Step s) {
    return new Prepared(s, 0, 0);
  }

  private static boolean same(Padding p) {
    return p == Padding.SAME;
  }

  private static void requireHybridFree(OpContext c, Tensor input, Tensor filter) {
    if (input.type() == TensorType.FLOAT32 && filter.type() != TensorType.FLOAT32) {
      throw c.fail(
          "Hybrid models are not supported on TFLite Micro: input "
              + OpContext.describe(input)
              + " is float but weights "
              + OpContext.describe(filter)
              + " are "
              + filter.type()
              + "; convert the model with full integer quantization or keep it all float");
    }
  }

  /**
   * Fails unless the optional bias input {@code i} is absent or holds {@code channels} values of
   * {@code type}: the kernels index it by output channel.
   */
  private static void checkBias(OpContext c, int i, TensorType type, int channels) {
    int t = c.in(i);
    if (t < 0) {
      return;
    }
    Tensor b = c.tensor(t);
    if (b.type() != type || b.elementCount() < channels) {
      throw c.fail(
          "bias "
              + OpContext.describe(b)
              + " must hold "
              + channels
              + " "
              + type
              + " values, one per output channel");
    }
  }

  /** Fails unless an element-wise op's output has as many elements as its input. */
  private static void requireSameCount(OpContext c, Tensor in, Tensor out) {
    if (in.elementCount() != out.elementCount()) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + " and output "
              + OpContext.describe(out)
              + " differ in element count");
    }
  }

  private static Prepared fullyConnected(OpContext c) {
    FullyConnectedOptions o = c.optionsOrNull(FullyConnectedOptions.class);
    Activation act = c.activation(o == null ? ActivationFunctionType.NONE : o.fusedActivation());
    Tensor in = c.input(0);
    Tensor w = c.input(1);
    Tensor out = c.output(0);
    requireHybridFree(c, in, w);
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
    int ii = c.in(0);
    int wi = c.in(1);
    int bi = c.in(2);
    int oi = c.out(0);
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      checkBias(c, 2, TensorType.FLOAT32, outDepth);
      FullyConnected.Plan p = FullyConnected.prepareFloat(outElements, accumDepth, outDepth, act);
      return simple(
          (t, s) ->
              FullyConnected.evalFloat(
                  p,
                  (float[]) t[ii],
                  (float[]) t[wi],
                  bi < 0 ? null : (float[]) t[bi],
                  (float[]) t[oi]));
    }
    if (in.type() == TensorType.INT8
        && w.type() == TensorType.INT8
        && out.type() == TensorType.INT8
        && (bi < 0 || c.tensor(bi).type() == TensorType.INT32)) {
      checkBias(c, 2, TensorType.INT32, outDepth);
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
      return simple(
          (t, s) ->
              FullyConnected.evalInt8(
                  p,
                  (byte[]) t[ii],
                  (byte[]) t[wi],
                  bi < 0 ? null : (int[]) t[bi],
                  (byte[]) t[oi]));
    }
    throw c.unsupportedTypes();
  }

  private static ChannelMultipliers convMultipliers(
      OpContext c, Tensor in, Tensor w, Tensor out, int channels) {
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
    return ChannelMultipliers.of(c.scale(in), ws, c.scale(out), channels);
  }

  /**
   * Checks a convolution's tensors (NHWC input and output, 4-D filter) and tells whether it runs in
   * float ({@code true}) or int8 ({@code false}); other type mixes fail.
   */
  private static boolean convIsFloat(OpContext c, Tensor in, Tensor w, Tensor out) {
    requireHybridFree(c, in, w);
    boolean isFloat = in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32;
    boolean isInt8 =
        in.type() == TensorType.INT8
            && w.type() == TensorType.INT8
            && out.type() == TensorType.INT8;
    if (!isFloat && !isInt8) {
      throw c.unsupportedTypes();
    }
    c.requireRank(in, 4, "input");
    c.requireRank(w, 4, "filter");
    c.requireRank(out, 4, "output");
    return isFloat;
  }

  private static Prepared conv2d(OpContext c) {
    Conv2DOptions o = c.options(Conv2DOptions.class);
    Activation act = c.activation(o.fusedActivation());
    Tensor in = c.input(0);
    Tensor w = c.input(1);
    Tensor out = c.output(0);
    boolean isFloat = convIsFloat(c, in, w, out);
    checkBias(c, 2, isFloat ? TensorType.FLOAT32 : TensorType.INT32, out.shape()[3]);
    int ii = c.in(0);
    int wi = c.in(1);
    int bi = c.in(2);
    int oi = c.out(0);
    Conv2D.Plan p;
    try {
      p =
          Conv2D.prepare(
              in.shape(),
              w.shape(),
              out.shape(),
              same(o.padding()),
              o.strideH(),
              o.strideW(),
              o.dilationHFactor(),
              o.dilationWFactor(),
              act,
              isFloat ? 0 : c.zeroPoint(in),
              isFloat ? 1f : c.scale(out),
              isFloat ? 0 : c.zeroPoint(out),
              isFloat ? null : convMultipliers(c, in, w, out, w.shape()[0]));
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    if (isFloat) {
      return simple(
          (t, s) ->
              Conv2D.evalFloat(
                  p,
                  (float[]) t[ii],
                  (float[]) t[wi],
                  bi < 0 ? null : (float[]) t[bi],
                  (float[]) t[oi]));
    }
    if (c.constant(1) != null && p.filterInC() == p.inC()) {
      int[] filterT = Conv2D.transposeFilter(p, (byte[]) c.constant(1));
      return new Prepared(
          (t, s) ->
              Conv2D.evalInt8Transposed(
                  p,
                  (byte[]) t[ii],
                  filterT,
                  bi < 0 ? null : (int[]) t[bi],
                  (byte[]) t[oi],
                  s.ints),
          p.outC(),
          0);
    }
    return simple(
        (t, s) ->
            Conv2D.evalInt8(
                p, (byte[]) t[ii], (byte[]) t[wi], bi < 0 ? null : (int[]) t[bi], (byte[]) t[oi]));
  }

  private static Prepared depthwise(OpContext c) {
    DepthwiseConv2DOptions o = c.options(DepthwiseConv2DOptions.class);
    Activation act = c.activation(o.fusedActivation());
    Tensor in = c.input(0);
    Tensor w = c.input(1);
    Tensor out = c.output(0);
    boolean isFloat = convIsFloat(c, in, w, out);
    checkBias(c, 2, isFloat ? TensorType.FLOAT32 : TensorType.INT32, out.shape()[3]);
    int ii = c.in(0);
    int wi = c.in(1);
    int bi = c.in(2);
    int oi = c.out(0);
    DepthwiseConv2D.Plan p;
    try {
      p =
          DepthwiseConv2D.prepare(
              in.shape(),
              w.shape(),
              out.shape(),
              same(o.padding()),
              o.strideH(),
              o.strideW(),
              o.dilationHFactor(),
              o.dilationWFactor(),
              act,
              isFloat ? 0 : c.zeroPoint(in),
              isFloat ? 1f : c.scale(out),
              isFloat ? 0 : c.zeroPoint(out),
              isFloat ? null : convMultipliers(c, in, w, out, w.shape()[3]));
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    if (isFloat) {
      return new Prepared(
          (t, s) ->
              DepthwiseConv2D.evalFloat(
                  p,
                  (float[]) t[ii],
                  (float[]) t[wi],
                  bi < 0 ? null : (float[]) t[bi],
                  (float[]) t[oi],
                  s.floats),
          0,
          p.scratchSize());
    }
    if (p.inC() <= SMALL_DEPTHWISE_CHANNELS) {
      return new Prepared(
          (t, s) ->
              DepthwiseConv2D.evalInt8Rows(
                  p,
                  (byte[]) t[ii],
                  (byte[]) t[wi],
                  bi < 0 ? null : (int[]) t[bi],
                  (byte[]) t[oi],
                  s.ints),
          p.rowScratchSize(),
          0);
    }
    return new Prepared(
        (t, s) ->
            DepthwiseConv2D.evalInt8(
                p,
                (byte[]) t[ii],
                (byte[]) t[wi],
                bi < 0 ? null : (int[]) t[bi],
                (byte[]) t[oi],
                s.ints),
        p.scratchSize(),
        0);
  }

  private static Prepared pool(OpContext c, boolean max) {
    Pool2DOptions o = c.options(Pool2DOptions.class);
    Activation act = c.activation(o.fusedActivation());
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    int ii = c.in(0);
    int oi = c.out(0);
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
    Pooling.Plan p;
    try {
      p =
          Pooling.prepare(
              in.shape(),
              out.shape(),
              same(o.padding()),
              o.filterHeight(),
              o.filterWidth(),
              o.strideH(),
              o.strideW(),
              act,
              isFloat ? 1f : c.scale(out),
              isFloat ? 0 : c.zeroPoint(out));
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    if (isFloat) {
      return simple(
          max
              ? (t, s) -> Pooling.maxFloat(p, (float[]) t[ii], (float[]) t[oi])
              : (t, s) -> Pooling.averageFloat(p, (float[]) t[ii], (float[]) t[oi]));
    }
    return simple(
        max
            ? (t, s) -> Pooling.maxInt8(p, (byte[]) t[ii], (byte[]) t[oi])
            : (t, s) -> Pooling.averageInt8(p, (byte[]) t[ii], (byte[]) t[oi]));
  }

  private static Prepared copy(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if (in.type() != out.type()) {
      throw c.unsupportedTypes();
    }
    requireSameCount(c, in, out);
    int ii = c.in(0);
    int oi = c.out(0);
    int n = in.elementCount();
    return simple((t, s) -> System.arraycopy(t[ii], 0, t[oi], 0, n));
  }

  private static Prepared softmax(OpContext c) {
    SoftmaxOptions o = c.optionsOrNull(SoftmaxOptions.class);
    float beta = o == null ? 1f : o.beta();
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireSameCount(c, in, out);
    int[] shape = in.shape();
    int depth = shape.length == 0 ? 1 : shape[shape.length - 1];
    int n = in.elementCount();
    int ii = c.in(0);
    int oi = c.out(0);
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      Softmax.Plan p = Softmax.prepareFloat(n, depth, beta);
      return simple((t, s) -> Softmax.evalFloat(p, (float[]) t[ii], (float[]) t[oi]));
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      if (c.zeroPoint(out) != -128 || c.scale(out) != 1f / 256) {
        throw c.fail(
            "int8 softmax output "
                + OpContext.describe(out)
                + " must have scale 1/256 and zero point -128");
      }
      Softmax.Plan p = Softmax.prepareInt8(n, depth, beta, c.scale(in));
      return simple((t, s) -> Softmax.evalInt8(p, (byte[]) t[ii], (byte[]) t[oi]));
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT16) {
      if (c.zeroPoint(out) != -32768 || Math.abs(c.scale(out) - 1f / 65536) > 0.001f / 65536) {
        throw c.fail(
            "int8-to-int16 softmax output "
                + OpContext.describe(out)
                + " must have scale 1/65536 and zero point -32768");
      }
      Softmax.Plan p = Softmax.prepareInt8(n, depth, beta, c.scale(in));
      return simple((t, s) -> Softmax.evalInt8ToInt16(p, (byte[]) t[ii], (short[]) t[oi]));
    }
    throw c.unsupportedTypes();
  }

  private static Prepared logisticOrTanh(OpContext c, boolean tanh) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireSameCount(c, in, out);
    int n = in.elementCount();
    int ii = c.in(0);
    int oi = c.out(0);
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      return simple(
          tanh
              ? (t, s) -> Logistic.tanhFloat((float[]) t[ii], (float[]) t[oi], n)
              : (t, s) -> Logistic.logisticFloat((float[]) t[ii], (float[]) t[oi], n));
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      if (!tanh && c.zeroPoint(out) != -128) {
        throw c.fail(
            "int8 logistic output " + OpContext.describe(out) + " must have zero point -128");
      }
      Logistic.Plan p = Logistic.prepareInt8(c.scale(in), c.zeroPoint(in));
      return simple(
          tanh
              ? (t, s) -> Logistic.tanhInt8(p, (byte[]) t[ii], (byte[]) t[oi], n)
              : (t, s) -> Logistic.logisticInt8(p, (byte[]) t[ii], (byte[]) t[oi], n));
    }
    throw c.unsupportedTypes();
  }

  private static Prepared relu(OpContext c, boolean six) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireSameCount(c, in, out);
    int n = in.elementCount();
    int ii = c.in(0);
    int oi = c.out(0);
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      return simple(
          six
              ? (t, s) -> Activations.relu6Float((float[]) t[ii], (float[]) t[oi], n)
              : (t, s) -> Activations.reluFloat((float[]) t[ii], (float[]) t[oi], n));
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      if (six) {
        int[] b = Activations.relu6Int8Bounds(c.scale(in), c.zeroPoint(in));
        return simple(
            (t, s) -> Activations.relu6Int8(b[0], b[1], (byte[]) t[ii], (byte[]) t[oi], n));
      }
      Activations.ReluPlan p =
          Activations.prepareReluInt8(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
      return simple((t, s) -> Activations.reluInt8(p, (byte[]) t[ii], (byte[]) t[oi], n));
    }
    throw c.unsupportedTypes();
  }

  private static Prepared leakyRelu(OpContext c) {
    float alpha = c.options(LeakyReluOptions.class).alpha();
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireSameCount(c, in, out);
    int n = in.elementCount();
    int ii = c.in(0);
    int oi = c.out(0);
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      return simple(
          (t, s) -> Activations.leakyReluFloat(alpha, (float[]) t[ii], (float[]) t[oi], n));
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      Activations.LeakyReluPlan p =
          Activations.prepareLeakyReluInt8(
              c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out), alpha);
      return simple((t, s) -> Activations.leakyReluInt8(p, (byte[]) t[ii], (byte[]) t[oi], n));
    }
    throw c.unsupportedTypes();
  }

  private static Prepared arithmetic(OpContext c, Arithmetic.Op op) {
    ActivationFunctionType a =
        switch (op) {
          case ADD -> fusedOrNone(c.optionsOrNull(AddOptions.class), AddOptions::fusedActivation);
          case SUB -> fusedOrNone(c.optionsOrNull(SubOptions.class), SubOptions::fusedActivation);
          case MUL -> fusedOrNone(c.optionsOrNull(MulOptions.class), MulOptions::fusedActivation);
        };
    Activation act = c.activation(a);
    Tensor x = c.input(0);
    Tensor y = c.input(1);
    Tensor out = c.output(0);
    int xi = c.in(0);
    int yi = c.in(1);
    int oi = c.out(0);
    if (x.type() == TensorType.INT32
        && y.type() == TensorType.INT32
        && out.type() == TensorType.INT32) {
      // TFLM's int32 ADD clamps to the full int32 range whatever the fused activation says.
      return int32Binary(
          c,
          switch (op) {
            case ADD -> BinaryOps.Op.ADD;
            case SUB -> BinaryOps.Op.SUB;
            case MUL -> BinaryOps.Op.MUL;
          },
          op == Arithmetic.Op.ADD ? Activation.NONE : act);
    }
    try {
      if (x.type() == TensorType.FLOAT32
          && y.type() == TensorType.FLOAT32
          && out.type() == TensorType.FLOAT32) {
        Arithmetic.Plan p = Arithmetic.prepareFloat(op, x.shape(), y.shape(), act);
        checkSize(c, p, out);
        return simple(
            (t, s) -> Arithmetic.evalFloat(p, (float[]) t[xi], (float[]) t[yi], (float[]) t[oi]));
      }
      if (x.type() == TensorType.INT8
          && y.type() == TensorType.INT8
          && out.type() == TensorType.INT8) {
        Arithmetic.Plan p =
            Arithmetic.prepareInt8(
                op,
                x.shape(),
                y.shape(),
                c.scale(x),
                c.zeroPoint(x),
                c.scale(y),
                c.zeroPoint(y),
                c.scale(out),
                c.zeroPoint(out),
                act);
        checkSize(c, p, out);
        return simple(
            (t, s) -> Arithmetic.evalInt8(p, (byte[]) t[xi], (byte[]) t[yi], (byte[]) t[oi]));
      }
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    throw c.unsupportedTypes();
  }

  private static <T> ActivationFunctionType fusedOrNone(
      T options, Function<T, ActivationFunctionType> fused) {
    return options == null ? ActivationFunctionType.NONE : fused.apply(options);
  }

  private static Broadcast broadcast(OpContext c, Tensor x, Tensor y, Tensor out) {
    Broadcast bc;
    try {
      bc = Broadcast.of(x.shape(), y.shape());
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    if (bc.size() != out.elementCount()) {
      throw c.fail(
          "output " + OpContext.describe(out) + " does not have the broadcast shape of the inputs");
    }
    return bc;
  }

  private static Prepared int32Binary(OpContext c, BinaryOps.Op op, Activation act) {
    Broadcast bc = broadcast(c, c.input(0), c.input(1), c.output(0));
    // CalculateActivationRange<int32_t>: the float bounds, with NONE and RELU's open ends at the
    // int32 limits (Java's float-to-int conversion saturates).
    int min = (int) act.floatMin();
    int max = (int) act.floatMax();
    int xi = c.in(0);
    int yi = c.in(1);
    int oi = c.out(0);
    return simple(
        (t, s) ->
            BinaryOps.evalInt32(op, bc, (int[]) t[xi], (int[]) t[yi], (int[]) t[oi], min, max));
  }

  /** DIV, MINIMUM and MAXIMUM. */
  private static Prepared binary(OpContext c, BinaryOps.Op op) {
    Activation act =
        op == BinaryOps.Op.DIV
            ? c.activation(
                fusedOrNone(c.optionsOrNull(DivOptions.class), DivOptions::fusedActivation))
            : Activation.NONE;
    Tensor x = c.input(0);
    Tensor y = c.input(1);
    Tensor out = c.output(0);
    TensorType type = out.type();
    if (x.type() != type || y.type() != type) {
      throw c.unsupportedTypes();
    }
    int xi = c.in(0);
    int yi = c.in(1);
    int oi = c.out(0);
    switch (type) {
      case INT32 -> {
        return int32Binary(c, op, act);
      }
      case FLOAT32 -> {
        Broadcast bc = broadcast(c, x, y, out);
        float min = act.floatMin();
        float max = act.floatMax();
        return simple(
            (t, s) ->
                BinaryOps.evalFloat(
                    op, bc, (float[]) t[xi], (float[]) t[yi], (float[]) t[oi], min, max));
      }
      case INT8, INT16 -> {
        if (op == BinaryOps.Op.DIV) {
          throw c.fail(
              "quantized DIV is not supported by this interpreter; only float32 and int32 DIV"
                  + " run (keep DIV in float or fold it into a constant MUL before quantizing)");
        }
        Broadcast bc = broadcast(c, x, y, out);
        if (type == TensorType.INT8) {
          return simple(
              (t, s) -> BinaryOps.evalInt8(op, bc, (byte[]) t[xi], (byte[]) t[yi], (byte[]) t[oi]));
        }
        return simple(
            (t, s) ->
                BinaryOps.evalInt16(op, bc, (short[]) t[xi], (short[]) t[yi], (short[]) t[oi]));
      }
      default -> throw c.unsupportedTypes();
    }
  }

  private static Prepared cast(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireSameCount(c, in, out);
    TensorType from = in.type();
    TensorType to = out.type();
    if (!Cast.supports(from, to)) {
      throw c.unsupportedTypes();
    }
    int n = in.elementCount();
    int ii = c.in(0);
    int oi = c.out(0);
    return simple((t, s) -> Cast.eval(from, t[ii], to, t[oi], n));
  }

  private static Prepared stridedSlice(OpContext c) {
    StridedSliceOptions o = c.optionsOrNull(StridedSliceOptions.class);
    if (o != null && (o.ellipsisMask() != 0 || o.newAxisMask() != 0 || o.offset())) {
      throw c.fail(
          "ellipsis_mask, new_axis_mask and offset are not supported by this interpreter;"
              + " rewrite the slice with explicit begin/end per axis; options "
              + o);
    }
    int beginMask = o == null ? 0 : o.beginMask();
    int endMask = o == null ? 0 : o.endMask();
    int shrinkMask = o == null ? 0 : o.shrinkAxisMask();
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if (in.type() != out.type()) {
      throw c.unsupportedTypes();
    }
    int[] shape = in.shape();
    int rank = shape.length;
    int[] begin = c.requireConstant(1, "begin") instanceof int[] b ? b : null;
    int[] end = c.requireConstant(2, "end") instanceof int[] e ? e : null;
    int[] strides = c.requireConstant(3, "strides") instanceof int[] st ? st : null;
    if (begin == null
        || end == null
        || strides == null
        || begin.length != rank
        || end.length != rank
        || strides.length != rank) {
      throw c.fail(
          "begin, end and strides must be INT32 constants with one value per dimension of input "
              + OpContext.describe(in));
    }
    int[] start = new int[rank];
    int[] count = new int[rank];
    int[] step = new int[rank];
    for (int d = 0; d < rank; d++) {
      int dim = shape[d];
      int st = strides[d];
      if (st == 0) {
        throw c.fail("stride of dimension " + d + " is 0");
      }
      boolean shrink = (shrinkMask & (1 << d)) != 0;
      int b = sliceIndex(begin[d], dim, st, (beginMask & (1 << d)) != 0 && !shrink, true);
      int e;
      if (shrink) {
        e = b + 1;
        st = 1;
      } else {
        e = sliceIndex(end[d], dim, st, (endMask & (1 << d)) != 0, false);
      }
      int n = st > 0 ? Math.max(0, (e - b + st - 1) / st) : Math.max(0, (b - e - st - 1) / -st);
      if (n > 0 && (b < 0 || b >= dim)) {
        throw c.fail("begin " + begin[d] + " of dimension " + d + " is outside " + dim);
      }
      start[d] = b;
      count[d] = n;
      step[d] = st;
    }
    int[] index = Gather.stridedSliceIndices(shape, start, step, count);
    if (index.length != out.elementCount()) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " does not hold the "
              + index.length
              + " sliced elements of input "
              + OpContext.describe(in));
    }
    int ii = c.in(0);
    int oi = c.out(0);
    return simple((t, s) -> Gather.eval(index, t[ii], t[oi]));
  }

  /**
   * TFLite's start/stop normalization: a masked index takes the far end in the stride's direction,
   * a negative one counts from the back, and the result is clamped to the dimension.
   */
  private static int sliceIndex(int index, int dim, int stride, boolean masked, boolean isBegin) {
    if (masked) {
      if (isBegin) {
        return stride > 0 ? 0 : dim - 1;
      }
      return stride > 0 ? dim : -1;
    }
    int i = index < 0 ? index + dim : index;
    return stride > 0 ? Math.max(0, Math.min(dim, i)) : Math.max(-1, Math.min(dim - 1, i));
  }

  private static void checkSize(OpContext c, Arithmetic.Plan p, Tensor out) {
    if (p.broadcast().size() != out.elementCount()) {
      throw c.fail(
          "output " + OpContext.describe(out) + " does not have the broadcast shape of the inputs");
    }
  }

  private static Prepared mean(OpContext c) {
    ReducerOptions reducer = c.optionsOrNull(ReducerOptions.class);
    boolean keepDims = reducer != null && reducer.keepDims();
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if (!(c.requireConstant(1, "the axis tensor") instanceof int[] axes)) {
      throw c.fail("the axis tensor " + OpContext.describe(c.input(1)) + " must be INT32");
    }
    int ii = c.in(0);
    int oi = c.out(0);
    boolean isFloat = in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32;
    boolean isInt8 = in.type() == TensorType.INT8 && out.type() == TensorType.INT8;
    if (!isFloat && !isInt8) {
      throw c.unsupportedTypes();
    }
    Mean.Plan p;
    try {
      p =
          Mean.prepare(
              in.shape(),
              axes,
              isFloat ? 1f : c.scale(in),
              isFloat ? 0 : c.zeroPoint(in),
              isFloat ? 1f : c.scale(out),
              isFloat ? 0 : c.zeroPoint(out),
              isInt8);
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    if (p.outputSize() != out.elementCount()) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " does not match the reduced input (keep_dims="
              + keepDims
              + ")");
    }
    if (isFloat) {
      return simple((t, s) -> Mean.evalFloat(p, (float[]) t[ii], (float[]) t[oi]));
    }
    return new Prepared(
        (t, s) -> Mean.evalInt8(p, (byte[]) t[ii], (byte[]) t[oi], s.ints), p.outputSize(), 0);
  }

  private static Prepared pad(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    Object paddings = c.requireConstant(1, "the paddings tensor");
    int[] pads;
    if (paddings instanceof int[] ip) {
      pads = ip;
    } else if (paddings instanceof long[] lp) {
      pads = new int[lp.length];
      for (int i = 0; i < lp.length; i++) {
        if (lp[i] != (int) lp[i]) {
          throw c.fail("padding " + lp[i] + " (paddings entry " + i + ") is out of range");
        }
        pads[i] = (int) lp[i];
      }
    } else {
      throw c.fail("paddings " + OpContext.describe(c.input(1)) + " must be INT32 or INT64");
    }
    if (in.type() != out.type()) {
      throw c.unsupportedTypes();
    }
    DataMovement.PadPlan p;
    try {
      p = DataMovement.preparePad(in.shape(), pads);
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    if (!Arrays.equals(p.outputShape(), out.shape())) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " is not the padded input shape "
              + Arrays.toString(p.outputShape()));
    }
    int ii = c.in(0);
    int oi = c.out(0);
    Object constValue = c.inputCount() > 2 ? c.constant(2) : null;
    if (constValue != null && (c.input(2).type() != in.type() || c.input(2).elementCount() != 1)) {
      throw c.fail(
          "constant value "
              + OpContext.describe(c.input(2))
              + " must be one element of the input type "
              + in.type());
    }
    switch (in.type()) {
      case FLOAT32 -> {
        float v = constValue == null ? 0f : ((float[]) constValue)[0];
        return simple(
            (t, s) -> {
              Arrays.fill((float[]) t[oi], v);
              DataMovement.pad(p, t[ii], t[oi]);
            });
      }
      case INT8 -> {
        byte v = constValue == null ? (byte) c.zeroPoint(out) : ((byte[]) constValue)[0];
        return simple(
            (t, s) -> {
              Arrays.fill((byte[]) t[oi], v);
              DataMovement.pad(p, t[ii], t[oi]);
            });
      }
      case INT16 -> {
        short v = constValue == null ? 0 : ((short[]) constValue)[0];
        return simple(
            (t, s) -> {
              Arrays.fill((short[]) t[oi], v);
              DataMovement.pad(p, t[ii], t[oi]);
            });
      }
      case INT32 -> {
        int v = constValue == null ? 0 : ((int[]) constValue)[0];
        return simple(
            (t, s) -> {
              Arrays.fill((int[]) t[oi], v);
              DataMovement.pad(p, t[ii], t[oi]);
            });
      }
      default -> throw c.unsupportedTypes();
    }
  }

  private static Prepared concat(OpContext c) {
    ConcatenationOptions o = c.options(ConcatenationOptions.class);
    if (o.fusedActivation() != ActivationFunctionType.NONE) {
      throw c.fail(
          "fused activation " + o.fusedActivation() + " on CONCATENATION is not supported by TFLM");
    }
    Tensor out = c.output(0);
    int n = c.inputCount();
    int[][] shapes = new int[n][];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      Tensor t = c.input(i);
      if (t.type() != out.type()) {
        throw c.unsupportedTypes();
      }
      if (t.type() == TensorType.INT8
          && (c.scale(t) != c.scale(out) || c.zeroPoint(t) != c.zeroPoint(out))) {
        throw c.fail(
            "int8 concatenation needs every input quantized like the output; input "
                + OpContext.describe(t)
                + " differs");
      }
      shapes[i] = t.shape();
      idx[i] = c.in(i);
    }
    DataMovement.ConcatPlan p;
    try {
      p = DataMovement.prepareConcat(shapes, o.axis());
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    if ((long) p.outer() * p.outputChunk() != out.elementCount()) {
      throw c.fail("output " + OpContext.describe(out) + " does not hold the concatenated inputs");
    }
    int oi = c.out(0);
    return simple((t, s) -> DataMovement.concat(p, t, idx, t[oi]));
  }

  private static Prepared quantize(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireSameCount(c, in, out);
    if (out.quantization() == null || out.quantization().scale().length != 1) {
      throw c.fail("output " + OpContext.describe(out) + " needs per-tensor quantization");
    }
    int n = in.elementCount();
    int ii = c.in(0);
    int oi = c.out(0);
    float outScale = c.scale(out);
    int outZp = c.zeroPoint(out);
    TensorType it = in.type();
    TensorType ot = out.type();
    if (it == TensorType.FLOAT32 && (ot == TensorType.INT8 || ot == TensorType.INT16)) {
      // AffineQuantize divides by the scale widened to double and narrowed back to float.
      float scale = (float) (double) outScale;
      if (ot == TensorType.INT8) {
        return simple(
            (t, s) -> {
              float[] x = (float[]) t[ii];
              byte[] y = (byte[]) t[oi];
              for (int i = 0; i < n; i++) {
                y[i] = (byte) Quantization.quantize(x[i], scale, outZp, -128, 127);
              }
            });
      }
      return simple(
          (t, s) -> {
            float[] x = (float[]) t[ii];
            short[] y = (short[]) t[oi];
            for (int i = 0; i < n; i++) {
              y[i] = (short) Quantization.quantize(x[i], scale, outZp, -32768, 32767);
            }
          });
    }
    boolean intIn = it == TensorType.INT8 || it == TensorType.INT16 || it == TensorType.INT32;
    boolean intOut = ot == TensorType.INT8 || ot == TensorType.INT16 || ot == TensorType.INT32;
    if (intIn && intOut && !(it == TensorType.INT32 && ot == TensorType.INT32)) {
      Quantization.Requantize r =
          Quantization.Requantize.of(c.scale(in), c.zeroPoint(in), outScale, outZp);
      int lo32 = ot == TensorType.INT8 ? -128 : ot == TensorType.INT16 ? -32768 : Integer.MIN_VALUE;
      int hi32 = ot == TensorType.INT8 ? 127 : ot == TensorType.INT16 ? 32767 : Integer.MAX_VALUE;
      return new Prepared(
          (t, s) -> Quantization.requantize(r, t[ii], t[oi], n, lo32, hi32, s.ints), n, 0);
    }
    throw c.unsupportedTypes();
  }

  private static Prepared svdf(OpContext c) {
    SVDFOptions o = c.options(SVDFOptions.class);
    Tensor in = c.input(0);
    Tensor wf = c.input(1);
    Tensor wt = c.input(2);
    Tensor state = c.input(4);
    Tensor out = c.output(0);
    if (!state.isVariable()) {
      throw c.fail("activation state " + OpContext.describe(state) + " must be a variable tensor");
    }
    c.requireRank(in, 2, "input");
    c.requireRank(wf, 2, "feature weights");
    c.requireRank(wt, 2, "time weights");
    int rank = o.rank();
    int batches = in.shape()[0];
    int inputSize = in.shape()[1];
    int filters = wf.shape()[0];
    int memory = wt.shape()[1];
    if (rank <= 0
        || filters % rank != 0
        || wf.shape()[1] != inputSize
        || wt.shape()[0] != filters
        || state.elementCount() != batches * memory * filters
        || out.elementCount() != batches * (filters / rank)) {
      throw c.fail(
          "inconsistent SVDF shapes: input "
              + OpContext.describe(in)
              + ", feature weights "
              + OpContext.describe(wf)
              + ", time weights "
              + OpContext.describe(wt)
              + ", state "
              + OpContext.describe(state)
              + ", output "
              + OpContext.describe(out)
              + ", rank "
              + rank);
    }
    int ii = c.in(0);
    int fi = c.in(1);
    int ti = c.in(2);
    int bi = c.in(3);
    int si = c.in(4);
    int oi = c.out(0);
    if (in.type() == TensorType.FLOAT32
        && wf.type() == TensorType.FLOAT32
        && wt.type() == TensorType.FLOAT32
        && state.type() == TensorType.FLOAT32
        && out.type() == TensorType.FLOAT32) {
      checkBias(c, 3, TensorType.FLOAT32, filters / rank);
      Svdf.Plan p =
          Svdf.prepareFloat(
              batches, inputSize, filters, rank, memory, c.activation(o.fusedActivation()));
      return new Prepared(
          (t, s) ->
              Svdf.evalFloat(
                  p,
                  (float[]) t[ii],
                  (float[]) t[fi],
                  (float[]) t[ti],
                  bi < 0 ? null : (float[]) t[bi],
                  (float[]) t[si],
                  (float[]) t[oi],
                  s.floats),
          0,
          p.scratchSize());
    }
    requireHybridFree(c, in, wf);
    boolean int16 = wt.type() == TensorType.INT16 && state.type() == TensorType.INT16;
    boolean int8 = wt.type() == TensorType.INT8 && state.type() == TensorType.INT8;
    if (in.type() == TensorType.INT8
        && wf.type() == TensorType.INT8
        && out.type() == TensorType.INT8
        && (int16 || int8)
        && (bi < 0 || c.tensor(bi).type() == TensorType.INT32)) {
      checkBias(c, 3, TensorType.INT32, filters / rank);
      Svdf.Plan p =
          Svdf.prepareInt8(
              batches,
              inputSize,
              filters,
              rank,
              memory,
              c.scale(in),
              c.zeroPoint(in),
              c.scale(wf),
              c.scale(wt),
              c.scale(state),
              c.zeroPoint(state),
              int16,
              c.scale(out),
              c.zeroPoint(out));
      if (int16) {
        return new Prepared(
            (t, s) ->
                Svdf.evalInt8(
                    p,
                    (byte[]) t[ii],
                    (byte[]) t[fi],
                    (short[]) t[ti],
                    bi < 0 ? null : (int[]) t[bi],
                    (short[]) t[si],
                    (byte[]) t[oi],
                    s.ints),
            p.scratchSize(),
            0);
      }
      return new Prepared(
          (t, s) ->
              Svdf.evalInt8(
                  p,
                  (byte[]) t[ii],
                  (byte[]) t[fi],
                  (byte[]) t[ti],
                  bi < 0 ? null : (int[]) t[bi],
                  (byte[]) t[si],
                  (byte[]) t[oi],
                  s.ints),
          p.scratchSize(),
          0);
    }
    throw c.unsupportedTypes();
  }

  private static Prepared lstm(OpContext c) {
    UnidirectionalSequenceLSTMOptions o = c.options(UnidirectionalSequenceLSTMOptions.class);
    if (c.inputCount() != 24) {
      throw c.fail("expects 24 inputs, has " + c.inputCount());
    }
    for (int i : new int[] {9, 10, 11, 16, 17, 20, 21, 22, 23}) {
      if (c.in(i) >= 0) {
        throw c.fail(
            "input "
                + i
                + " (peephole, projection or layer norm) is set; TFLM supports none of these");
      }
    }
    for (int i : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 18, 19}) {
      c.input(i); // fails with a clear message when a required input is missing
    }
    Tensor in = c.input(0);
    Tensor hidden = c.input(18);
    Tensor cell = c.input(19);
    Tensor out = c.output(0);
    if (!hidden.isVariable() || !cell.isVariable()) {
      throw c.fail(
          "hidden state "
              + OpContext.describe(hidden)
              + " and cell state "
              + OpContext.describe(cell)
              + " must be variable tensors");
    }
    if (in.type() != TensorType.INT8
        || hidden.type() != TensorType.INT8
        || cell.type() != TensorType.INT16
        || out.type() != TensorType.INT8) {
      throw c.fail(
          "only the int8 LSTM with an int16 cell state is implemented (TFLM's float and int16 variants are not); "
              + "input "
              + OpContext.describe(in)
              + ", hidden "
              + OpContext.describe(hidden)
              + ", cell "
              + OpContext.describe(cell));
    }
    if (o.fusedActivation() != ActivationFunctionType.TANH) {
      throw c.fail("cell gate activation " + o.fusedActivation() + " is not supported (TANH only)");
    }
    c.requireRank(in, 3, "input");
    if (hidden.shape().length == 0) {
      throw c.fail("hidden state " + OpContext.describe(hidden) + " has no units dimension");
    }
    boolean timeMajor = o.timeMajor();
    int[] is = in.shape();
    int batches = timeMajor ? is[1] : is[0];
    int steps = timeMajor ? is[0] : is[1];
    int inputSize = is[2];
    int units = hidden.shape()[hidden.shape().length - 1];
    float[] inScales = new float[4];
    float[] recScales = new float[4];
    int[] order = {2, 1, 3, 4}; // forget, input, cell, output
    for (int g = 0; g < 4; g++) {
      Tensor wi = c.input(order[g]);
      Tensor wr = c.input(order[g] + 4);
      Tensor b = c.input(order[g] + 11);
      if (wi.type() != TensorType.INT8
          || wr.type() != TensorType.INT8
          || b.type() != TensorType.INT32) {
        throw c.unsupportedTypes();
      }
      if (c.scales(wi).length != 1 || c.scales(wr).length != 1) {
        throw c.fail("per-channel LSTM weights are not supported by TFLM's LSTM kernel");
      }
      if (c.zeroPoint(wi) != 0 || c.zeroPoint(wr) != 0) {
        throw c.fail("LSTM weights must be symmetric (zero point 0)");
      }
      if (wi.elementCount() != units * inputSize
          || wr.elementCount() != units * units
          || b.elementCount() != units) {
        throw c.fail(
            "gate weights "
                + OpContext.describe(wi)
                + ", "
                + OpContext.describe(wr)
                + " or bias "
                + OpContext.describe(b)
                + " do not match input size "
                + inputSize
                + " and "
                + units
                + " units");
      }
      inScales[g] = c.scale(wi);
      recScales[g] = c.scale(wr);
    }
    if (hidden.elementCount() != batches * units
        || cell.elementCount() != batches * units
        || out.elementCount() != batches * steps * units) {
      throw c.fail(
          "state or output sizes do not match "
              + batches
              + " batch(es), "
              + steps
              + " step(s), "
              + units
              + " units");
    }
    Lstm.Plan p =
        Lstm.prepareInt8(
            timeMajor,
            batches,
            steps,
            inputSize,
            units,
            c.scale(in),
            c.zeroPoint(in),
            c.scale(hidden),
            c.zeroPoint(hidden),
            inScales,
            recScales,
            0,
            c.scale(cell),
            o.cellClip(),
            true);
    byte[][] inW = new byte[4][];
    byte[][] recW = new byte[4][];
    int[][] bias = new int[4][];
    for (int g = 0; g < 4; g++) {
      inW[g] = (byte[]) c.requireConstant(order[g], "input weights");
      recW[g] = (byte[]) c.requireConstant(order[g] + 4, "recurrent weights");
      bias[g] = (int[]) c.requireConstant(order[g] + 11, "gate bias");
    }
    int ii = c.in(0);
    int hi = c.in(18);
    int ci = c.in(19);
    int oi = c.out(0);
    return new Prepared(
        (t, s) ->
            Lstm.evalInt8(
                p,
                (byte[]) t[ii],
                inW,
                recW,
                bias,
                (byte[]) t[hi],
                (short[]) t[ci],
                (byte[]) t[oi],
                s.ints),
        p.scratchSize(),
        0);
  }

  private static Prepared dequantize(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireSameCount(c, in, out);
    if (out.type() != TensorType.FLOAT32
        || (in.type() != TensorType.INT8 && in.type() != TensorType.INT16)) {
      throw c.unsupportedTypes();
    }
    double scale = c.scale(in);
    int zp = c.zeroPoint(in);
    int n = in.elementCount();
    int ii = c.in(0);
    int oi = c.out(0);
    if (in.type() == TensorType.INT8) {
      return simple(
          (t, s) -> {
            byte[] x = (byte[]) t[ii];
            float[] y = (float[]) t[oi];
            for (int i = 0; i < n; i++) {
              y[i] = Quantization.dequantize(x[i], scale, zp);
            }
          });
    }
    return simple(
        (t, s) -> {
          short[] x = (short[]) t[ii];
          float[] y = (float[]) t[oi];
          for (int i = 0; i < n; i++) {
            y[i] = Quantization.dequantize(x[i], scale, zp);
          }
        });
  }
}
