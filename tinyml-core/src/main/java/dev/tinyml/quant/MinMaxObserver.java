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

  @Override
  Range observedRange() {
    return new Range(min, max);
  }
}
