package dev.tinyml.examples.support;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.interp.TensorBuffer;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteFormatException;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a {@code .tflite} model in the project's reference interpreter (bit-exact with TensorFlow
 * Lite Micro) on real-valued inputs: an int8 model's input is quantized with the input tensor's
 * scale and zero point and its output dequantized, as the firmware does.
 */
public final class TfliteRunner {

  private final Model model;
  private final Interpreter interpreter;

  /** Loads and prepares the model in {@code file}. */
  public TfliteRunner(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no TFLite model at " + file);
    }
    try {
      this.model = TfliteReader.read(file);
    } catch (TfliteFormatException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    this.interpreter = PreparedModel.prepare(model).newInterpreter();
  }

  /** The model as read, for inspection (weights, quantization). */
  public Model model() {
    return model;
  }

  /**
   * The input of the last {@link #predict} as the model saw it: quantized and read back
   * (dequantized), which is what the firmware compares a reconstruction with.
   */
  public float[] lastInput() {
    return interpreter.input(0).dequantized();
  }

  /** The model's (dequantized) output for one input example. */
  public float[] predict(float[] example) {
    TensorBuffer input = interpreter.input(0);
    double[] values = new double[example.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = example[i];
    }
    input.setReal(values);
    interpreter.invoke();
    return interpreter.output(0).dequantized();
  }
}
