package dev.tinyml.quant;

/**
 * Exponential moving averages of each batch's minimum and maximum: {@code m += c * (batchMin - m)},
 * starting from the first batch's. Less sensitive to a single outlier batch than min/max.
 */
final class MovingAverageMinMaxObserver extends CountingObserver {
  private final double averagingConstant;
  private double min;
  private double max;

  MovingAverageMinMaxObserver(CalibrationMethod method, double averagingConstant) {
    super(method);
    this.averagingConstant = averagingConstant;
  }

  @Override
  void accept(float[] values, int offset, int length) {
    if (length == 0) {
      return;
    }
    float batchMin = Float.POSITIVE_INFINITY;
    float batchMax = Float.NEGATIVE_INFINITY;
    for (int i = offset; i < offset + length; i++) {
      batchMin = Math.min(batchMin, values[i]);
      batchMax = Math.max(batchMax, values[i]);
    }
    if (count() == 0) {
      min = batchMin;
      max = batchMax;
    } else {
      min += averagingConstant * (batchMin - min);
      max += averagingConstant * (batchMax - max);
    }
  }

  @Override
  Range observedRange() {
    return new Range((float) min, (float) max);
  }
}
