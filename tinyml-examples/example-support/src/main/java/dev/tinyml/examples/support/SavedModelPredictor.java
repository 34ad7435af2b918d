package dev.tinyml.examples.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.TensorFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs an exported SavedModel in TensorFlow Java, one example at a time: the float reference that
 * the int8 model is compared with.
 */
public final class SavedModelPredictor implements AutoCloseable {

  private final SavedModelBundle bundle;
  private final TensorFunction function;
  private final Shape inputShape;
  private final int outputSize;

  /**
   * Loads the SavedModel in {@code dir}.
   *
   * @param dir the SavedModel directory
   * @param inputShape shape of one example, without the batch
   * @param outputSize number of output values per example
   */
  public SavedModelPredictor(Path dir, int[] inputShape, int outputSize) {
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException(
          "no SavedModel in " + dir + " (saved_model.pb missing): run the trainer first");
    }
    this.bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
    this.function = bundle.function(Signature.DEFAULT_KEY);
    this.inputShape = Trainer.batchShape(1, inputShape);
    this.outputSize = outputSize;
  }

  /** The model's output for one example. */
  public float[] predict(float[] example) {
    if (example.length != inputShape.size()) {
      throw new IllegalArgumentException(
          "example has " + example.length + " values, the model takes " + inputShape);
    }
    try (TFloat32 in = TFloat32.tensorOf(inputShape, DataBuffers.of(example, true, false));
        Tensor out = function.call(in)) {
      float[] values = new float[outputSize];
      ((TFloat32) out).copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  /**
   * The trained values of {@code parameters}, read from the model's variables (named after the
   * parameters by {@link SavedModelExport}).
   */
  public Map<String, float[]> weights(List<Parameter> parameters) {
    Map<String, float[]> weights = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      try (var result = bundle.session().runner().fetch(p.name()).run()) {
        float[] values = new float[p.size()];
        ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
        weights.put(p.name(), values);
      }
    }
    return weights;
  }

  @Override
  public void close() {
    bundle.close();
  }
}
