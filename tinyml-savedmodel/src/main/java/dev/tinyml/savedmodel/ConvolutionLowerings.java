package dev.tinyml.savedmodel;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TransposeConvOptions;
import java.util.Arrays;

/**
 * MatMul, Conv2D and DepthwiseConv2dNative to FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D, each
 * absorbing the bias, batch-norm and per-channel scale ops that alone follow it and a trailing
 * Relu/Relu6; Conv2DBackpropInput likewise to TRANSPOSE_CONV; and a batch norm with nothing to fold
 * into, as MUL + ADD.
 */
final class ConvolutionLowerings {
  private ConvolutionLowerings() {}

  static void register(OpTable<OpLowering> t) {
    t.add(ConvolutionLowerings::weighted, "MatMul", "Conv2D", "DepthwiseConv2dNative")
        .add(ConvolutionLowerings::transposeConv, "Conv2DBackpropInput")
        .add(
            ConvolutionLowerings::batchNorm,
            "FusedBatchNorm",
            "FusedBatchNormV2",
            "FusedBatchNormV3");
  }

  /** Weights and bias after folding the ops that follow, and the node whose output they make. */
  private static final class Folded {
    float[] w;
    int[] fs;
    final float[] bias;
    Node last;
    ActivationFunctionType act = ActivationFunctionType.NONE;

    Folded(float[] w, int[] fs, int channels, Node n) {
      this.w = w;
      this.fs = fs;
      this.bias = new float[channels];
      this.last = n;
    }
  }

  /** MatMul/Conv2D/DepthwiseConv2dNative with everything it absorbs. */
  private static void weighted(Node n, LoweringContext cx) throws SavedModelException {
    TensorValue filter = n.inputs.get(1).value();
    int channels = n.shapes[0][n.shapes[0].length - 1];
    Folded f = new Folded(filter.asFloats().clone(), filter.shape(), channels, n);
    if (n.op.equals("MatMul") && Attrs.attr(n, "transpose_b").getB()) {
      // Already [out, in]: bring it to TF's [in, out] so that one code path below handles both.
      f.w = transpose2d(f.w, f.fs[0], f.fs[1]);
      f.fs = new int[] {f.fs[1], f.fs[0]};
    }
    Emitted e = absorbAndBind(n, n.inputs.get(0), f, channels, cx);
    int input = e.input();
    int biasTensor = e.bias();
    int output = e.output();
    String weightsName = n.inputs.get(1).node().name;
    int[] fs = f.fs;
    switch (n.op) {
      case "MatMul":
        {
          int weights =
              cx.constFloats(weightsName, new int[] {fs[1], fs[0]}, transpose2d(f.w, fs[0], fs[1]));
          cx.builtin(
              BuiltinOperator.FULLY_CONNECTED,
              new FullyConnectedOptions(
                  f.act,
                  FullyConnectedOptionsWeightsFormat.DEFAULT,
                  false,
                  false,
                  TensorType.FLOAT32),
              new int[] {input, weights, biasTensor},
              output);
          return;
        }
      case "Conv2D":
        {
          int[] st = Attrs.ints(n, "strides");
          int[] dil = Attrs.dilations(n);
          int weights =
              cx.constFloats(
                  weightsName, new int[] {fs[3], fs[0], fs[1], fs[2]}, hwioToOhwi(f.w, fs));
          cx.builtin(
              BuiltinOperator.CONV_2D,
              new Conv2DOptions(
                  LoweringContext.padding(n),
                  st[2],
                  st[1],
                  f.act,
                  dil[2],
                  dil[1],
                  TensorType.FLOAT32),
              new int[] {input, weights, biasTensor},
              output);
          return;
        }
      default:
        {
          int[] st = Attrs.ints(n, "strides");
          int[] dil = Attrs.dilations(n);
          int weights =
              cx.constFloats(weightsName, new int[] {1, fs[0], fs[1], fs[2] * fs[3]}, f.w);
          int version = dil[1] != 1 || dil[2] != 1 ? 2 : 1;
          cx.addOp(
              new OperatorCode(BuiltinOperator.DEPTHWISE_CONV_2D, version),
              new DepthwiseConv2DOptions(
                  LoweringContext.padding(n), st[2], st[1], fs[3], f.act, dil[2], dil[1]),
              new int[] {input, weights, biasTensor},
              output);
        }
    }
  }

  /** The tensors of a weighted op: its data input, its (folded) bias and its output. */
  private record Emitted(int input, int bias, int output) {}

  /**
   * Absorbs the followers of {@code n} into {@code f}, then makes the bias tensor and the output
   * tensor (named after the first and last node it computes) and binds the last node's output.
   */
  private static Emitted absorbAndBind(
      Node n, Node.Port x, Folded f, int channels, LoweringContext cx) throws SavedModelException {
    String lastName = absorbFollowers(f, channels, cx);
    String name = lastName == null ? n.name : n.name + ";" + lastName;
    int input = cx.tensor(x);
    int biasTensor =
        cx.constFloats(
            n.layer.isEmpty() ? n.name + "/bias" : layerPath(n) + "/bias",
            new int[] {channels},
            f.bias);
    int output = cx.addTensor(name, TensorType.FLOAT32, f.last.shapes[0], null);
    cx.bind(f.last.out(0), output);
    return new Emitted(input, biasTensor, output);
  }

  /**
   * Conv2DBackpropInput to TRANSPOSE_CONV (output shape, OHWI filter, input, bias), absorbing what
   * follows like a convolution. Version 3 (bias input), 4 with a fused activation.
   */
  private static void transposeConv(Node n, LoweringContext cx) throws SavedModelException {
    TensorValue filter = n.inputs.get(1).value();
    int[] s = filter.shape();
    int channels = s[2];
    // [h, w, out, in] to [h, w, in, out]: the output channel fastest, as in a Conv2D filter.
    int[] fs = {s[0], s[1], s[3], s[2]};
    float[] w = Folding.transpose(filter, new int[] {0, 1, 3, 2}).asFloats();
    Folded f = new Folded(w, fs, channels, n);
    Emitted e = absorbAndBind(n, n.inputs.get(2), f, channels, cx);
    int[] shape = n.shapes[0];
    int outputShape = cx.constInts(n.name + "/output_shape", new int[] {4}, shape);
    int weights =
        cx.constFloats(
            n.inputs.get(1).node().name,
            new int[] {fs[3], fs[0], fs[1], fs[2]},
            hwioToOhwi(f.w, fs));
    int[] st = Attrs.ints(n, "strides");
    int version = f.act == ActivationFunctionType.NONE ? 3 : 4;
    cx.addOp(
        new OperatorCode(BuiltinOperator.TRANSPOSE_CONV, version),
        new TransposeConvOptions(
            LoweringContext.padding(n), st[2], st[1], f.act, TensorType.FLOAT32),
        new int[] {outputShape, weights, e.input(), e.bias()},
        e.output());
  }

  /**
   * Folds the chain of per-channel Add/Sub/Mul, batch norms and a final Relu/Relu6 that alone read
   * the weighted op's output into its weights and bias.
   *
   * @return the name of the last node absorbed, or null when none was
   */
  private static String absorbFollowers(Folded f, int channels, LoweringContext cx) {
    String lastName = null;
    while (true) {
      Node next = cx.soleReader(f.last.out(0));
      if (next == null) {
        break;
      }
      Node.Port other = otherConstOperand(next, f.last.out(0));
      if ((next.op.equals("BiasAdd") || next.op.equals("Add") || next.op.equals("AddV2"))
          && other != null
          && perChannel(other, channels)) {
        float[] b = channelValues(other.value(), channels);
        for (int c = 0; c < channels; c++) {
          f.bias[c] += b[c];
        }
      } else if (next.op.equals("Sub")
          && other != null
          && next.inputs.get(1) == other
          && perChannel(other, channels)) {
        float[] b = channelValues(other.value(), channels);
        for (int c = 0; c < channels; c++) {
          f.bias[c] -= b[c];
        }
      } else if (next.op.equals("Mul") && other != null && perChannel(other, channels)) {
        float[] s = channelValues(other.value(), channels);
        scaleChannels(f.w, s, channels);
        for (int c = 0; c < channels; c++) {
          f.bias[c] *= s[c];
        }
      } else if (next.op.startsWith("FusedBatchNorm")
          && next.inputs.get(0).equals(f.last.out(0))
          && !BatchStatisticsNorm.isBatchStatistics(next)) {
        float[][] ss = batchNormScaleShift(next);
        scaleChannels(f.w, ss[0], channels);
        for (int c = 0; c < channels; c++) {
          f.bias[c] = f.bias[c] * ss[0][c] + ss[1][c];
        }
      } else if (LoweringContext.isFusableActivation(next)) {
        f.act = LoweringContext.activation(next);
        cx.absorb(next);
        f.last = next;
        return next.name;
      } else {
        break;
      }
      cx.absorb(next);
      f.last = next;
      lastName = next.name;
    }
    return lastName;
  }

  /** A batch norm that follows no weighted op: y = x * scale + shift. */
  private static void batchNorm(Node n, LoweringContext cx) throws SavedModelException {
    if (BatchStatisticsNorm.isBatchStatistics(n)) {
      BatchStatisticsNorm.lower(n, cx);
      return;
    }
    float[][] ss = batchNormScaleShift(n);
    int c = ss[0].length;
    int scale = cx.constFloats(n.name + "/scale", new int[] {c}, ss[0]);
    int shift = cx.constFloats(n.name + "/shift", new int[] {c}, ss[1]);
    int mid = cx.addTensor(n.name + "/mul", TensorType.FLOAT32, n.shapes[0], null);
    cx.builtin(
        BuiltinOperator.MUL,
        new MulOptions(ActivationFunctionType.NONE),
        new int[] {cx.tensor(n.inputs.get(0)), scale},
        mid);
    LoweringContext.Fused fused = cx.fuseActivation(n);
    cx.op(
        BuiltinOperator.ADD,
        new AddOptions(fused.activation(), false),
        fused.last(),
        new int[] {mid, shift});
  }

  private static String layerPath(Node n) {
    int slash = n.name.lastIndexOf('/');
    return slash < 0 ? n.name : n.name.substring(0, slash);
  }

  /** The constant operand of a binary node whose other operand is {@code from}, or null. */
  private static Node.Port otherConstOperand(Node n, Node.Port from) {
    if (n.inputs.size() != 2) {
      return null;
    }
    Node.Port a = n.inputs.get(0);
    Node.Port b = n.inputs.get(1);
    if (a.equals(from) && b.isConstant() && !b.equals(from)) {
      return b;
    }
    if (b.equals(from) && a.isConstant() && !n.op.equals("Sub") && !n.op.equals("BiasAdd")) {
      return a;
    }
    return null;
  }

  /** True if the constant is a scalar or runs along the last (channel) axis only. */
  private static boolean perChannel(Node.Port p, int channels) {
    int[] s = p.shape();
    int count = TensorValue.count(s);
    if (count == 1) {
      return true;
    }
    return s.length != 0 && s[s.length - 1] == channels && count == channels;
  }

  private static float[] channelValues(TensorValue v, int channels) {
    float[] f = v.asFloats();
    if (f.length == channels) {
      return f.clone();
    }
    float[] out = new float[channels];
    Arrays.fill(out, f[0]);
    return out;
  }

  /** Multiplies each output channel (the fastest-varying axis of a TF filter) by its scale. */
  private static void scaleChannels(float[] w, float[] s, int channels) {
    for (int i = 0; i < w.length; i++) {
      w[i] *= s[i % channels];
    }
  }

  /** y = x * scale + shift with scale = gamma / sqrt(var + eps), shift = beta - mean * scale. */
  private static float[][] batchNormScaleShift(Node n) {
    float[] gamma = n.inputs.get(1).value().asFloats();
    float[] beta = n.inputs.get(2).value().asFloats();
    float[] mean = n.inputs.get(3).value().asFloats();
    float[] var = n.inputs.get(4).value().asFloats();
    float eps = Attrs.floatOr(n, "epsilon", 1e-4f);
    int c = gamma.length;
    float[] scale = new float[c];
    float[] shift = new float[c];
    for (int i = 0; i < c; i++) {
      scale[i] = (float) (gamma[i] / Math.sqrt((double) var[i] + eps));
      shift[i] = (float) (beta[i] - (double) mean[i] * scale[i]);
    }
    return new float[][] {scale, shift};
  }

  private static float[] transpose2d(float[] w, int rows, int cols) {
    float[] t = new float[w.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = w[r * cols + c];
      }
    }
    return t;
  }

  /** TF filter [H, W, I, O] to TFLite [O, H, W, I]. */
  private static float[] hwioToOhwi(float[] w, int[] s) {
    int h = s[0];
    int wd = s[1];
    int ci = s[2];
    int co = s[3];
    float[] t = new float[w.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < wd; x++) {
        for (int i = 0; i < ci; i++) {
          for (int o = 0; o < co; o++) {
            t[((o * h + y) * wd + x) * ci + i] = w[((y * wd + x) * ci + i) * co + o];
          }
        }
      }
    }
    return t;
  }
}
