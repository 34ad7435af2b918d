package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ShapeInference.out;
import static dev.tinyml.savedmodel.ShapeInference.outSize;
import static dev.tinyml.savedmodel.ShapeInference.requireConst;
import static dev.tinyml.savedmodel.ShapeInference.str;

import java.util.Arrays;
import java.util.List;

/**
 * Ops with weights: matrix multiplication, convolutions (also transposed) and (inference) batch
 * normalization.
 */
final class ConvolutionShapes {
  private ConvolutionShapes() {}

  static void register(OpTable<ShapeRule> t) {
    t.add(ConvolutionShapes::matMul, "MatMul")
        .add(ConvolutionShapes::conv, "Conv2D", "DepthwiseConv2dNative")
        .add(ConvolutionShapes::transposeConv, "Conv2DBackpropInput")
        .add(
            ConvolutionShapes::batchNorm, "FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3");
  }

  private static boolean matMul(Node n, boolean allConst) {
    List<Node.Port> in = n.inputs;
    int[] a = in.get(0).shape();
    int[] b = in.get(1).shape();
    boolean ta = Attrs.attr(n, "transpose_a").getB();
    boolean tb = Attrs.attr(n, "transpose_b").getB();
    if (a.length != 2 || b.length != 2) {
      throw new IllegalArgumentException("needs 2-D operands, got " + str(a) + " and " + str(b));
    }
    int inner = ta ? a[0] : a[1];
    int innerB = tb ? b[1] : b[0];
    if (inner != innerB) {
      throw new IllegalArgumentException("operands " + str(a) + " and " + str(b) + " do not fit");
    }
    int rows = ta ? a[1] : a[0];
    int cols = tb ? b[0] : b[1];
    if (allConst) {
      // An unrolled RNN's first step multiplies its zero initial state by the recurrent kernel.
      ShapeInference.set(
          n, product(in.get(0).value(), ta, in.get(1).value(), tb, rows, inner, cols));
      return true;
    }
    out(n, DType.FLOAT, new int[] {rows, cols});
    return !ta && in.get(1).isConstant();
  }

  private static TensorValue product(
      TensorValue a, boolean ta, TensorValue b, boolean tb, int rows, int inner, int cols) {
    float[] x = a.asFloats();
    float[] y = b.asFloats();
    float[] out = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double sum = 0;
        for (int k = 0; k < inner; k++) {
          float xv = ta ? x[k * rows + r] : x[r * inner + k];
          float yv = tb ? y[c * inner + k] : y[k * cols + c];
          sum += (double) xv * yv;
        }
        out[r * cols + c] = (float) sum;
      }
    }
    return TensorValue.ofFloats(new int[] {rows, cols}, out);
  }

  private static boolean conv(Node n, boolean allConst) {
    Attrs.requireNhwc(n);
    requireConst(n, 1, "filter");
    int[] x = n.inputs.get(0).shape();
    int[] f = n.inputs.get(1).shape();
    if (x.length != 4 || f.length != 4) {
      throw new IllegalArgumentException(
          "needs a 4-D input and filter, got " + str(x) + " and " + str(f));
    }
    int[] strides = Attrs.ints(n, "strides");
    int[] dil = Attrs.dilations(n);
    String padding = Attrs.string(n, "padding");
    if (!padding.equals("SAME") && !padding.equals("VALID")) {
      return false;
    }
    boolean depthwise = n.op.equals("DepthwiseConv2dNative");
    if (f[2] != x[3]) {
      throw new IllegalArgumentException("filter " + str(f) + " does not fit input " + str(x));
    }
    int channels = depthwise ? f[2] * f[3] : f[3];
    out(
        n,
        DType.FLOAT,
        new int[] {
          x[0],
          outSize(x[1], f[0], strides[1], dil[1], padding),
          outSize(x[2], f[1], strides[2], dil[2], padding),
          channels
        });
    return strides[0] == 1 && strides[3] == 1;
  }

  /**
   * Keras' Conv2DTranspose: Conv2DBackpropInput(output size, filter [h, w, out, in], input).
   * TFLite's TRANSPOSE_CONV has no dilation.
   */
  private static boolean transposeConv(Node n, boolean allConst) {
    Attrs.requireNhwc(n);
    requireConst(n, 0, "output size");
    requireConst(n, 1, "filter");
    int[] size = n.inputs.get(0).value().asInts();
    int[] f = n.inputs.get(1).shape();
    int[] x = n.inputs.get(2).shape();
    if (size.length != 4 || f.length != 4 || x.length != 4) {
      throw new IllegalArgumentException(
          "needs a 4-D output size, filter and input, got "
              + str(size)
              + ", "
              + str(f)
              + " and "
              + str(x));
    }
    int[] st = Attrs.ints(n, "strides");
    String padding = Attrs.string(n, "padding");
    if (f[3] != x[3]
        || f[2] != size[3]
        || size[0] != x[0]
        || outSize(size[1], f[0], st[1], 1, padding) != x[1]
        || outSize(size[2], f[1], st[2], 1, padding) != x[2]) {
      throw new IllegalArgumentException(
          "filter " + str(f) + " and input " + str(x) + " do not give output " + str(size));
    }
    out(n, DType.FLOAT, size);
    boolean dilated = Arrays.stream(Attrs.dilations(n)).anyMatch(d -> d != 1);
    boolean knownPadding = padding.equals("SAME") || padding.equals("VALID");
    return knownPadding && !dilated && st[0] == 1 && st[3] == 1;
  }

  private static boolean batchNorm(Node n, boolean allConst) {
    for (int i = 1; i < 5; i++) {
      requireConst(n, i, "scale, offset, mean and variance");
    }
    int[] x = n.inputs.get(0).shape();
    if (BatchStatisticsNorm.isBatchStatistics(n)) {
      BatchStatisticsNorm.check(n);
    } else {
      Attrs.requireNhwc(n);
      if (Attrs.attr(n, "is_training").getB()) {
        throw new IllegalArgumentException(
            "is in training mode (is_training=true); export the inference function of the model");
      }
    }
    int c = x[BatchStatisticsNorm.channelAxis(n, x.length)];
    n.types[0] = DType.FLOAT;
    n.shapes[0] = x;
    for (int i = 1; i < n.types.length; i++) {
      n.types[i] = DType.FLOAT;
      n.shapes[i] = new int[] {c};
    }
    return true;
  }
}
