package dev.tinyml.quant;

/**
 * Watches one tensor's values during calibration, batch by batch, in bounded memory, and turns them
 * into the range its int8 parameters are computed from. Not thread-safe: one observer per tensor,
 * fed in a fixed order, so calibration is deterministic.
 */
public sealed interface RangeObserver permits CountingObserver {

  /**
   * Observes one batch of values.
   *
   * @param values the tensor's values
   * @param offset first index
   * @param length number of values
   * @throws IllegalArgumentException if a value is NaN or infinite (message names its index)
   */
  void observe(float[] values, int offset, int length);

  /**
   * Observes one whole batch.
   *
   * @param values the tensor's values
   */
  default void observe(float[] values) {
    observe(values, 0, values.length);
  }

  /** Number of values observed so far. */
  long count();

  /**
   * The calibrated range.
   *
   * @return the range
   * @throws IllegalStateException if nothing has been observed
   */
  Range range();

  /** The method that made this observer. */
  CalibrationMethod method();

  static void checkFinite(float[] values, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "calibration value at index " + (i - offset) + " of the batch is " + values[i]);
      }
    }
  }
}
