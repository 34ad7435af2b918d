package dev.tinyml.quant;

/**
 * What every range observer shares: the method that made it, the count of values seen, the check
 * that each batch is finite and the error when a range is asked of nothing. Subclasses only take in
 * batches and compute their range.
 */
abstract sealed class CountingObserver implements RangeObserver
    permits MinMaxObserver, MovingAverageMinMaxObserver, HistogramObserver {
  private final CalibrationMethod method;
  private long count;

  CountingObserver(CalibrationMethod method) {
    this.method = method;
  }

  @Override
  public final void observe(float[] values, int offset, int length) {
    RangeObserver.checkFinite(values, offset, length);
    accept(values, offset, length);
    count += length;
  }

  /** Takes in one batch of finite values; {@link #count()} does not include it yet. */
  abstract void accept(float[] values, int offset, int length);

  @Override
  public final long count() {
    return count;
  }

  @Override
  public final Range range() {
    if (count == 0) {
      throw new IllegalStateException("no values observed");
    }
    return observedRange();
  }

  /** The range of at least one value observed. */
  abstract Range observedRange();

  @Override
  public final CalibrationMethod method() {
    return method;
  }
}
