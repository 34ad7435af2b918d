package dev.tinyml.quant;

/**
 * Exponential moving averages of each batch's minimum and maximum: {@code m += c * (batchMin - m)},
 * starting from the first batch's. Less sensitive to a single outlier batch than min/max.
 */
final class MovingAverageMinMaxObserver implements RangeObserver {
  private final CalibrationMethod method;
  private final double averagingConstant;
  private double min;
  private double max;
  private long count;

  MovingAverageMinMaxObserver(CalibrationMethod method, double averagingConstant) {
    this.method = method;
    this.averagingConstant = averagingConstant;
  }

  @Override
  public void observe(float[] values, int offset, int length) {
    if (length == 0) {
      return;
    }
    RangeObserver.checkFinite(values, offset, length);
    float batchMin = Float.POSITIVE_INFINITY;
    float batchMax = Float.NEGATIVE_INFINITY;
    for (int i = offset; i < offset + length; i++) {
      batchMin = Math.min(batchMin, values[i]);
      batchMax = Math.max(batchMax, values[i]);
    }
    if (count == 0) {
      min = batchMin;
      max = batchMax;
    } else {
      min += averagingConstant * (batchMin - min);
      max += averagingConstant * (batchMax - max);
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
    return new Range((float) min, (float) max);
  }

  @Override
  public CalibrationMethod method() {
    return method;
  }
}
