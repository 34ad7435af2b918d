package dev.tinyml.quant;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.ConcatenationOptions;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.ReshapeOptions;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TransposeConvOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small float models built with the object model, with seeded random weights. */
final class FloatModels {
  final Model model = Model.empty();
  final SubGraph graph = new SubGraph();
  private final Random random;

  FloatModels(long seed) {
    random = new Random(seed);
    model.subgraphs().add(graph);
  }

  int tensor(String name, int... shape) {
    return graph.addTensor(new Tensor(name, TensorType.FLOAT32, shape));
  }

  int constant(String name, float[] values, int... shape) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    Tensor t = new Tensor(name, TensorType.FLOAT32, shape);
    t.setBuffer(model.addBuffer(new Buffer(b.array())));
    return graph.addTensor(t);
  }

  int intConstant(String name, int[] values, int... shape) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    Tensor t = new Tensor(name, TensorType.INT32, shape);
    t.setBuffer(model.addBuffer(new Buffer(b.array())));
    return graph.addTensor(t);
  }

  float[] randoms(int n, double std) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (random.nextGaussian() * std);
    }
    return v;
  }

  void op(BuiltinOperator b, BuiltinOptions options, int[] inputs, int... outputs) {
    int code = model.addOperatorCode(new OperatorCode(b, 1));
    graph.operators().add(new Operator(code, inputs, outputs, options));
  }

  int dense(String name, int x, int in, int out, ActivationFunctionType act) {
    int w = constant(name + "/weights", randoms(out * in, Math.sqrt(2.0 / in)), out, in);
    int b = constant(name + "/bias", randoms(out, 0.1), out);
    int y = tensor(name, 1, out);
    fullyConnected(act, x, w, b, y);
    return y;
  }

  /** A float FULLY_CONNECTED of {@code x}, weights {@code w} and bias {@code b} into {@code y}. */
  void fullyConnected(ActivationFunctionType act, int x, int w, int b, int y) {
    op(
        BuiltinOperator.FULLY_CONNECTED,
        new FullyConnectedOptions(
            act, FullyConnectedOptionsWeightsFormat.DEFAULT, false, false, TensorType.FLOAT32),
        new int[] {x, w, b},
        y);
  }

  int conv(String name, int x, int[] inShape, int out, int k, int stride) {
    int in = inShape[3];
    int w =
        constant(
            name + "/filter",
            randoms(out * k * k * in, Math.sqrt(2.0 / (k * k * in))),
            out,
            k,
            k,
            in);
    int b = constant(name + "/bias", randoms(out, 0.1), out);
    int h = (inShape[1] + stride - 1) / stride;
    int wd = (inShape[2] + stride - 1) / stride;
    int y = tensor(name, 1, h, wd, out);
    op(
        BuiltinOperator.CONV_2D,
        new Conv2DOptions(
            Padding.SAME, stride, stride, ActivationFunctionType.RELU6, 1, 1, TensorType.FLOAT32),
        new int[] {x, w, b},
        y);
    return y;
  }

  /** TRANSPOSE_CONV k x k, SAME, to {@code out} channels at {@code stride} times the size. */
  int transposeConv(String name, int x, int[] inShape, int out, int k, int stride) {
    int in = inShape[3];
    int w =
        constant(
            name + "/filter", randoms(out * k * k * in, Math.sqrt(2.0 / (k * k))), out, k, k, in);
    int b = constant(name + "/bias", randoms(out, 0.1), out);
    int[] shape = {1, inShape[1] * stride, inShape[2] * stride, out};
    int outputShape = intConstant(name + "/output_shape", shape, 4);
    int y = tensor(name, shape);
    op(
        BuiltinOperator.TRANSPOSE_CONV,
        new TransposeConvOptions(
            Padding.SAME, stride, stride, ActivationFunctionType.NONE, TensorType.FLOAT32),
        new int[] {outputShape, w, x, b},
        y);
    return y;
  }

  int depthwise(String name, int x, int[] inShape, int k) {
    int c = inShape[3];
    int w = constant(name + "/filter", randoms(k * k * c, Math.sqrt(2.0 / (k * k))), 1, k, k, c);
    int b = constant(name + "/bias", randoms(c, 0.1), c);
    int y = tensor(name, 1, inShape[1], inShape[2], c);
    op(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new DepthwiseConv2DOptions(Padding.SAME, 1, 1, 1, ActivationFunctionType.RELU6, 1, 1),
        new int[] {x, w, b},
        y);
    return y;
  }

  Model finish(int[] inputs, int[] outputs) {
    graph.setInputs(inputs);
    graph.setOutputs(outputs);
    return model;
  }

  /** [1, 4] → dense 16 relu → dense 3 → softmax. */
  static Model denseClassifier(long seed) {
    FloatModels m = new FloatModels(seed);
    int x = m.tensor("input", 1, 4);
    int h = m.dense("hidden", x, 4, 16, ActivationFunctionType.RELU);
    int logits = m.dense("logits", h, 16, 3, ActivationFunctionType.NONE);
    int p = m.tensor("probabilities", 1, 3);
    m.op(BuiltinOperator.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, p);
    return m.finish(new int[] {x}, new int[] {p});
  }

  /**
   * A MobileNet-style depthwise-separable net on a {@code size x size} grayscale image: conv 3x3
   * stride 2 → depthwise 3x3 → pointwise conv → depthwise 3x3 stride 1 → pointwise → global average
   * pool → reshape → dense → softmax.
   */
  static Model mobileNetStyle(long seed, int size, int width) {
    FloatModels m = new FloatModels(seed);
    int x = m.tensor("image", 1, size, size, 1);
    int s = size / 2;
    int c1 = m.conv("conv1", x, new int[] {1, size, size, 1}, width, 3, 2);
    int d1 = m.depthwise("dw1", c1, new int[] {1, s, s, width}, 3);
    int p1 = m.conv("pw1", d1, new int[] {1, s, s, width}, 2 * width, 1, 1);
    int d2 = m.depthwise("dw2", p1, new int[] {1, s, s, 2 * width}, 3);
    int p2 = m.conv("pw2", d2, new int[] {1, s, s, 2 * width}, 4 * width, 1, 1);
    int pooled = m.tensor("pool", 1, 1, 1, 4 * width);
    m.op(
        BuiltinOperator.AVERAGE_POOL_2D,
        new Pool2DOptions(Padding.VALID, s, s, s, s, ActivationFunctionType.NONE),
        new int[] {p2},
        pooled);
    int shape = m.intConstant("flatten/shape", new int[] {1, 4 * width}, 2);
    int flat = m.tensor("flatten", 1, 4 * width);
    m.op(
        BuiltinOperator.RESHAPE,
        new ReshapeOptions(List.of(1, 4 * width)),
        new int[] {pooled, shape},
        flat);
    int logits = m.dense("logits", flat, 4 * width, 4, ActivationFunctionType.NONE);
    int p = m.tensor("probabilities", 1, 4);
    m.op(BuiltinOperator.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, p);
    return m.finish(new int[] {x}, new int[] {p});
  }

  /**
   * A convolutional autoencoder on a {@code size x size} grayscale image: conv 3x3 stride 2 to 4
   * channels (ReLU6) → transposed conv 3x3 stride 2 back to 1 channel.
   */
  static Model convAutoencoder(long seed, int size) {
    FloatModels m = new FloatModels(seed);
    int x = m.tensor("image", 1, size, size, 1);
    int code = m.conv("encoder", x, new int[] {1, size, size, 1}, 4, 3, 2);
    int y = m.transposeConv("decoder", code, new int[] {1, size / 2, size / 2, 4}, 1, 3, 2);
    return m.finish(new int[] {x}, new int[] {y});
  }

  /** [1, 6] → dense 8 → tanh; → dense 8 → logistic; concatenated → max pool → dense 3. */
  static Model branches(long seed) {
    FloatModels m = new FloatModels(seed);
    int x = m.tensor("input", 1, 6);
    int a = m.dense("a", x, 6, 8, ActivationFunctionType.NONE);
    int ta = m.tensor("a/tanh", 1, 8);
    m.op(BuiltinOperator.TANH, null, new int[] {a}, ta);
    int b = m.dense("b", x, 6, 8, ActivationFunctionType.NONE);
    int sb = m.tensor("b/sigmoid", 1, 8);
    m.op(BuiltinOperator.LOGISTIC, null, new int[] {b}, sb);
    int cat = m.tensor("concat", 1, 16);
    m.op(
        BuiltinOperator.CONCATENATION,
        new ConcatenationOptions(1, ActivationFunctionType.NONE),
        new int[] {ta, sb},
        cat);
    int out = m.dense("out", cat, 16, 3, ActivationFunctionType.NONE);
    return m.finish(new int[] {x}, new int[] {out});
  }

  /** {@code n} samples of one input with {@code size} values uniform in [-1, 1]. */
  static List<float[]> uniformSamples(long seed, int n, int size) {
    Random r = new Random(seed);
    List<float[]> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[size];
      for (int k = 0; k < size; k++) {
        v[k] = r.nextFloat() * 2 - 1;
      }
      samples.add(v);
    }
    return samples;
  }
}
