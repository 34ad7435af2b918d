package dev.tinyml.savedmodel;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.Model;

/** Runs a float TFLite model in the project's interpreter. */
final class FloatRunner {
  private FloatRunner() {}

  static float[][] run(Model model, float[]... inputs) {
    Interpreter interp = PreparedModel.prepare(model).newInterpreter();
    for (int i = 0; i < inputs.length; i++) {
      interp.input(i).setFloat(inputs[i]);
    }
    interp.invoke();
    float[][] out = new float[interp.outputCount()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = interp.output(i).floats().clone();
    }
    return out;
  }

  /** Largest |actual - expected| / max(|expected|, floor) over all elements. */
  static double maxRelativeError(float[] actual, float[] expected, double floor) {
    if (actual.length != expected.length) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
      worst = Math.max(worst, e);
    }
    return worst;
  }
}
