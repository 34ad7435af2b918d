package dev.tinyml.quant;

/** The converter's default: the smallest and largest value ever seen. */
final class MinMaxObserver extends CountingObserver {
  private float min = Float.POSITIVE_INFINITY;
  private float max = Float.NEGATIVE_INFINITY;

  MinMaxObserver(CalibrationMethod method) {
    super(method);
  }

  @Override
  void accept(float[] values, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
  }

  /** The smallest value seen (positive infinity before any). */
  float min() {
    return min;
  }

  /** The largest value seen (negative infinity before any). */
  float max() {
    return max;
  }

  @Override
  Range observedRange() {
    return new Range(min, max);
  }
}
