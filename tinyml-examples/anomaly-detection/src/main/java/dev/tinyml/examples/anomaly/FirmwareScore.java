package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.TfliteRunner;

/**
 * The anomaly score exactly as the generated {@code anomaly} sketch computes it on the board: the
 * int8 model's reconstruction against the quantized input read back, squared differences summed in
 * {@code float} and divided by the element count, an alarm when the score is strictly above the
 * threshold.
 */
final class FirmwareScore {

  private FirmwareScore() {}

  /** The sketch's reconstruction error of every window, on the int8 model in {@code runner}. */
  static float[] errors(TfliteRunner runner, VibrationData windows) {
    float[] errors = new float[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      float[] output = runner.predict(windows.windows()[i]);
      float[] input = runner.lastInput();
      float sum = 0f;
      for (int j = 0; j < input.length; j++) {
        float d = input[j] - output[j];
        sum += d * d;
      }
      errors[i] = sum / input.length;
    }
    return errors;
  }

  /** Whether the sketch raises the alarm for {@code error}. */
  static boolean alarm(float error, float threshold) {
    return error > threshold;
  }

  /**
   * The threshold the sketch needs so that its strict comparison flags exactly the windows whose
   * score is at least {@code knee}: halfway between {@code knee} and the largest score below it.
   */
  static float strictThreshold(float[] errors, double knee) {
    float below = Float.NEGATIVE_INFINITY;
    for (float e : errors) {
      if (e < knee && e > below) {
        below = e;
      }
    }
    float k = (float) knee;
    if (below == Float.NEGATIVE_INFINITY) {
      return Math.nextDown(k);
    }
    float mid = (below + k) / 2f;
    return mid > below && mid < k ? mid : below;
  }

  /** The threshold as a C++ {@code float} literal that reads back to exactly {@code threshold}. */
  static String cppLiteral(float threshold) {
    return Float.toString(threshold) + "f";
  }

  /** Reads a literal written by {@link #cppLiteral}. */
  static float parseCppLiteral(String literal) {
    String t = literal.trim();
    return Float.parseFloat(t.endsWith("f") ? t.substring(0, t.length() - 1) : t);
  }

  /** {@code errors} widened to doubles, for the ROC curve. */
  static double[] widened(float[] errors) {
    double[] d = new double[errors.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = errors[i];
    }
    return d;
  }
}
