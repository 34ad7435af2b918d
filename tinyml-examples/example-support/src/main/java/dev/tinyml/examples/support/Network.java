package dev.tinyml.examples.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A feed-forward network as a list of layers over a fixed input shape. The same description builds
 * the training graph (parameters are TensorFlow variables updated by the optimizer) and the
 * exported inference graph (parameters are variables holding the trained values), and gives the
 * parameter and MAC counts the examples report.
 *
 * @param name what the model is, used in logs and reports
 * @param inputShape shape of one example, without the batch
 * @param layers the layers in order
 * @param output what the exported signature returns after the last layer
 */
public record Network(String name, int[] inputShape, List<Layer> layers, Output output) {

  /** What the exported model outputs. */
  public enum Output {
    /** Class probabilities: a SOFTMAX after the last layer, which yields logits. */
    SOFTMAX,
    /** The last layer's activations as they are (e.g. an autoencoder's reconstruction). */
    IDENTITY
  }

  /** Per-layer figures for reports. */
  public record LayerSummary(
      String name, String kind, int[] inputShape, int[] outputShape, long parameters, long macs) {}

  public Network {
    inputShape = inputShape.clone();
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("network " + name + " has no layers");
    }
  }

  /** Input shape of one example (a copy). */
  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  @Override
  public String toString() {
    return name + " " + Arrays.toString(inputShape) + " " + layers + " " + output;
  }

  /** Number of scalars in one input example. */
  public int inputSize() {
    return Arrays.stream(inputShape).reduce(1, (n, d) -> n * d);
  }

  /** Number of scalars in one output. */
  public int outputSize() {
    int[] shape = inputShape;
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
    }
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** Every trainable tensor, in layer order. */
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    int[] shape = inputShape;
    for (int i = 0; i < layers.size(); i++) {
      all.addAll(layers.get(i).parameters(layerName(i), shape));
      shape = layers.get(i).outputShape(shape);
    }
    return all;
  }

  /** Layer by layer shapes, parameter counts and MACs. */
  public List<LayerSummary> summary() {
    List<LayerSummary> rows = new ArrayList<>();
    int[] shape = inputShape;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      long params = 0;
      for (Parameter p : layer.parameters(layerName(i), shape)) {
        params += p.size();
      }
      int[] out = layer.outputShape(shape);
      rows.add(new LayerSummary(layerName(i), layer.kind(), shape, out, params, layer.macs(shape)));
      shape = out;
    }
    return rows;
  }

  /** Total trainable scalars. */
  public long parameterCount() {
    return summary().stream().mapToLong(LayerSummary::parameters).sum();
  }

  /** Total multiply-accumulates for one example. */
  public long macCount() {
    return summary().stream().mapToLong(LayerSummary::macs).sum();
  }

  /**
   * Initial values: biases zero, kernels uniform with He limits ({@code sqrt(6 / fanIn)}) before
   * rectifiers and Glorot limits ({@code sqrt(6 / (fanIn + fanOut))}) otherwise, drawn from a
   * {@link Random} with the given seed so training starts from the same point on every machine.
   */
  public Map<String, float[]> initialWeights(long seed) {
    Random random = new Random(seed);
    Map<String, float[]> weights = new LinkedHashMap<>();
    for (Parameter p : parameters()) {
      float[] values = new float[p.size()];
      if (!p.bias()) {
        double limit =
            p.rectified() ? Math.sqrt(6.0 / p.fanIn()) : Math.sqrt(6.0 / (p.fanIn() + p.fanOut()));
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
      }
      weights.put(p.name(), values);
    }
    return weights;
  }

  /**
   * Builds the layers on {@code input} (shape {@code [batch, ...inputShape]}) and returns the last
   * layer's output (logits for a classifier).
   */
  public Operand<TFloat32> build(
      Ops tf, Operand<TFloat32> input, Map<String, Operand<TFloat32>> params) {
    Operand<TFloat32> x = input;
    int[] shape = inputShape;
    for (int i = 0; i < layers.size(); i++) {
      x = layers.get(i).apply(new Layer.Graph(tf, layerName(i), shape, params), x);
      shape = layers.get(i).outputShape(shape);
    }
    return x;
  }

  private String layerName(int index) {
    return layers.get(index).kind() + index;
  }
}
