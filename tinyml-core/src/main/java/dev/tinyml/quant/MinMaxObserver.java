package dev.tinyml.quant;

/** The converter's default: the smallest and largest value ever seen. */
final class MinMaxObserver implements RangeObserver {
  private final CalibrationMethod method;
  private float min = Float.POSITIVE_INFINITY;
  private float max = Float.NEGATIVE_INFINITY;
  private long count;

  MinMaxObserver(CalibrationMethod method) {
    this.method = method;
  }

  @Override
  public void observe(float[] values, int offset, int length) {
    RangeObserver.checkFinite(values, offset, length);
    for (int i = offset; i < offset + length; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    count += length;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public Range range() {
    if (count == 0) {
      throw new IllegalStateException("no values observed");
    }
    return new Range(min, max);
  }

  @Override
  public CalibrationMethod method() {
    return method;
  }
}
