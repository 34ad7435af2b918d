package dev.tinyml.maven;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A float classifier made with the object model: input → fully connected → softmax. */
public final class TinyFloatModel {
  private TinyFloatModel() {}

  /** Writes a float32 {@code [1, inputs]} → {@code [1, classes]} model with fixed weights. */
  public static Path write(Path file, int inputs, int classes) throws Exception {
    return write(file, new int[] {1, inputs}, classes);
  }

  /** The same for any input shape; fully connected flattens it. */
  public static Path write(Path file, int[] inputShape, int classes) throws Exception {
    int inputs = 1;
    for (int d : inputShape) {
      inputs *= d;
    }
    Model model = Model.empty();
    SubGraph g = new SubGraph();
    model.subgraphs().add(g);
    int x = g.addTensor(new Tensor("features", TensorType.FLOAT32, inputShape));
    float[] w = new float[classes * inputs];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (0.002 * Math.sin(0.37 * i));
    }
    int weights = g.addTensor(constant(model, "weights", w, classes, inputs));
    int bias = g.addTensor(constant(model, "bias", new float[classes], classes));
    int logits = g.addTensor(new Tensor("logits", TensorType.FLOAT32, 1, classes));
    int probs = g.addTensor(new Tensor("probabilities", TensorType.FLOAT32, 1, classes));
    g.operators()
        .add(
            new Operator(
                model.addOperatorCode(new OperatorCode(BuiltinOperator.FULLY_CONNECTED, 1)),
                new int[] {x, weights, bias},
                new int[] {logits},
                new FullyConnectedOptions(
                    ActivationFunctionType.NONE,
                    FullyConnectedOptionsWeightsFormat.DEFAULT,
                    false,
                    false,
                    TensorType.FLOAT32)));
    g.operators()
        .add(
            new Operator(
                model.addOperatorCode(new OperatorCode(BuiltinOperator.SOFTMAX, 1)),
                new int[] {logits},
                new int[] {probs},
                new SoftmaxOptions(1f)));
    g.setInputs(new int[] {x});
    g.setOutputs(new int[] {probs});
    Files.createDirectories(file.getParent());
    return Files.write(file, dev.tinyml.tflite.TfliteWriter.write(model));
  }

  private static Tensor constant(Model model, String name, float[] values, int... shape) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    Tensor t = new Tensor(name, TensorType.FLOAT32, shape);
    t.setBuffer(model.addBuffer(new Buffer(b.array())));
    return t;
  }
}
