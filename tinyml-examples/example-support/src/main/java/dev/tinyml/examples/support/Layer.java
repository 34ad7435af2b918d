package dev.tinyml.examples.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One layer of a small network. Every layer lowers to TFLite builtins the importer knows (CONV_2D,
 * DEPTHWISE_CONV_2D, FULLY_CONNECTED, AVERAGE_POOL_2D, RESHAPE and the activations) and knows its
 * own parameter and multiply-accumulate counts, which the examples report.
 *
 * <p>Shapes are per example, without the batch: {@code [h, w, c]} for images and feature maps,
 * {@code [n]} for vectors.
 */
public sealed interface Layer {

  /** Output shape for the given input shape. */
  int[] outputShape(int[] in);

  /**
   * Trainable tensors of this layer, named with {@code prefix}; none for a layer without weights.
   */
  default List<Parameter> parameters(String prefix, int[] in) {
    return List.of();
  }

  /** Multiply-accumulate operations for one example; none for a layer without weights. */
  default long macs(int[] in) {
    return 0;
  }

  /** Builds the layer's ops on {@code x}. */
  Operand<TFloat32> apply(Graph g, Operand<TFloat32> x);

  /** Short kind name used in parameter names and summaries. */
  String kind();

  /**
   * Where a layer builds its ops.
   *
   * @param tf the graph's ops
   * @param prefix the layer's parameter name prefix
   * @param in the layer's input shape
   * @param params the network's parameters by name
   */
  record Graph(Ops tf, String prefix, int[] in, Map<String, Operand<TFloat32>> params) {

    /** The layer's kernel. */
    Operand<TFloat32> kernel() {
      return params.get(prefix + "_kernel");
    }

    /** Adds the layer's bias to {@code y}, then applies {@code activation}. */
    Operand<TFloat32> biasAndActivate(Operand<TFloat32> y, Activation activation) {
      return activation.apply(tf, tf.nn.biasAdd(y, params.get(prefix + "_bias")));
    }

    /** NHWC strides of a square window step. */
    static List<Long> strides(int stride) {
      return List.of(1L, (long) stride, (long) stride, 1L);
    }
  }

  /**
   * A standard convolution with bias and activation.
   *
   * @param kernelHeight kernel rows
   * @param kernelWidth kernel columns
   * @param filters output channels
   * @param stride stride in both directions
   * @param padding SAME or VALID
   * @param activation what follows the bias
   */
  record Conv2D(
      int kernelHeight,
      int kernelWidth,
      int filters,
      int stride,
      Padding padding,
      Activation activation)
      implements Layer {

    @Override
    public int[] outputShape(int[] in) {
      requireRank(in, 3, this);
      return new int[] {
        padding.outputSize(in[0], kernelHeight, stride),
        padding.outputSize(in[1], kernelWidth, stride),
        filters
      };
    }

    @Override
    public List<Parameter> parameters(String prefix, int[] in) {
      int taps = kernelHeight * kernelWidth;
      return new LayerWeights(prefix, taps * in[2], activation)
          .kernelAndBias(
              new long[] {kernelHeight, kernelWidth, in[2], filters},
              taps * filters,
              filters,
              filters);
    }

    @Override
    public long macs(int[] in) {
      int[] out = outputShape(in);
      return (long) out[0] * out[1] * filters * kernelHeight * kernelWidth * in[2];
    }

    @Override
    public Operand<TFloat32> apply(Graph g, Operand<TFloat32> x) {
      Operand<TFloat32> y = g.tf().nn.conv2d(x, g.kernel(), Graph.strides(stride), padding.name());
      return g.biasAndActivate(y, activation);
    }

    @Override
    public String kind() {
      return "conv";
    }
  }

  /**
   * A depthwise convolution (channel multiplier 1) with bias and activation.
   *
   * @param kernel kernel rows and columns
   * @param stride stride in both directions
   * @param padding SAME or VALID
   * @param activation what follows the bias
   */
  record DepthwiseConv2D(int kernel, int stride, Padding padding, Activation activation)
      implements Layer {

    @Override
    public int[] outputShape(int[] in) {
      requireRank(in, 3, this);
      return new int[] {
        padding.outputSize(in[0], kernel, stride), padding.outputSize(in[1], kernel, stride), in[2]
      };
    }

    @Override
    public List<Parameter> parameters(String prefix, int[] in) {
      int fanIn = kernel * kernel;
      return new LayerWeights(prefix, fanIn, activation)
          .kernelAndBias(new long[] {kernel, kernel, in[2], 1}, fanIn, in[2], fanIn);
    }

    @Override
    public long macs(int[] in) {
      int[] out = outputShape(in);
      return (long) out[0] * out[1] * in[2] * kernel * kernel;
    }

    @Override
    public Operand<TFloat32> apply(Graph g, Operand<TFloat32> x) {
      Operand<TFloat32> y =
          g.tf().nn.depthwiseConv2dNative(x, g.kernel(), Graph.strides(stride), padding.name());
      return g.biasAndActivate(y, activation);
    }

    @Override
    public String kind() {
      return "dw";
    }
  }

  /**
   * A fully connected layer with bias and activation; its input must be a vector.
   *
   * @param units outputs
   * @param activation what follows the bias
   */
  record Dense(int units, Activation activation) implements Layer {

    @Override
    public int[] outputShape(int[] in) {
      requireRank(in, 1, this);
      return new int[] {units};
    }

    @Override
    public List<Parameter> parameters(String prefix, int[] in) {
      return new LayerWeights(prefix, in[0], activation)
          .kernelAndBias(new long[] {in[0], units}, units, units, units);
    }

    @Override
    public long macs(int[] in) {
      return (long) in[0] * units;
    }

    @Override
    public Operand<TFloat32> apply(Graph g, Operand<TFloat32> x) {
      return g.biasAndActivate(g.tf().linalg.matMul(x, g.kernel()), activation);
    }

    @Override
    public String kind() {
      return "dense";
    }
  }

  /**
   * Average pooling with VALID padding.
   *
   * @param height window rows
   * @param width window columns
   */
  record AvgPool(int height, int width) implements Layer {

    @Override
    public int[] outputShape(int[] in) {
      requireRank(in, 3, this);
      return new int[] {in[0] / height, in[1] / width, in[2]};
    }

    @Override
    public Operand<TFloat32> apply(Graph g, Operand<TFloat32> x) {
      List<Long> window = List.of(1L, (long) height, (long) width, 1L);
      return g.tf().nn.avgPool(x, window, window, "VALID");
    }

    @Override
    public String kind() {
      return "avgpool";
    }
  }

  /** Reshapes a feature map into a vector (one RESHAPE op). */
  record Flatten() implements Layer {

    @Override
    public int[] outputShape(int[] in) {
      int n = 1;
      for (int d : in) {
        n *= d;
      }
      return new int[] {n};
    }

    @Override
    public Operand<TFloat32> apply(Graph g, Operand<TFloat32> x) {
      return g.tf().reshape(x, g.tf().constant(new long[] {-1, outputShape(g.in())[0]}));
    }

    @Override
    public String kind() {
      return "flatten";
    }
  }

  private static void requireRank(int[] in, int rank, Layer layer) {
    if (in.length != rank) {
      throw new IllegalArgumentException(
          layer
              + " needs an input of rank "
              + rank
              + " (without the batch) but gets shape "
              + Arrays.toString(in)
              + "; add a Flatten layer before a Dense layer");
    }
  }
}
