package dev.tinyml.preprocess;

import java.util.Arrays;

/**
 * The micro frontend's spectral-subtraction noise reduction ({@code noise_reduction.c}): a running
 * per-channel noise estimate (14-bit smoothing coefficients, separate for even and odd channels) is
 * subtracted from the signal, keeping at least {@code minSignalRemaining} of it.
 */
final class NoiseReduction {
  static final int NOISE_REDUCTION_BITS = 14;

  private final int smoothingBits;
  private final long evenSmoothing;
  private final long oddSmoothing;
  private final long minSignalRemaining;
  private final long[] estimate;

  NoiseReduction(MicroFrontendConfig config) {
    smoothingBits = config.smoothingBits();
    // float -> uint16_t conversions truncate, as in NoiseReductionPopulateState
    evenSmoothing = (long) (config.evenSmoothing() * (1 << NOISE_REDUCTION_BITS)) & 0xFFFF;
    oddSmoothing = (long) (config.oddSmoothing() * (1 << NOISE_REDUCTION_BITS)) & 0xFFFF;
    minSignalRemaining =
        (long) (config.minSignalRemaining() * (1 << NOISE_REDUCTION_BITS)) & 0xFFFF;
    estimate = new long[config.numChannels()];
  }

  int smoothingBits() {
    return smoothingBits;
  }

  int evenSmoothing() {
    return (int) evenSmoothing;
  }

  int oddSmoothing() {
    return (int) oddSmoothing;
  }

  int minSignalRemaining() {
    return (int) minSignalRemaining;
  }

  /** The running noise estimate, which PCAN reads after {@link #apply}. */
  long[] estimate() {
    return estimate;
  }

  void reset() {
    Arrays.fill(estimate, 0);
  }

  void apply(long[] signal) {
    for (int i = 0; i < estimate.length; i++) {
      long smoothing = (i & 1) == 0 ? evenSmoothing : oddSmoothing;
      long oneMinusSmoothing = ((1 << NOISE_REDUCTION_BITS) - smoothing) & 0xFFFFFFFFL;
      long scaledUp = (signal[i] << smoothingBits) & 0xFFFFFFFFL;
      long est =
          ((scaledUp * smoothing + estimate[i] * oneMinusSmoothing) >>> NOISE_REDUCTION_BITS)
              & 0xFFFFFFFFL;
      estimate[i] = est;
      if (est > scaledUp) {
        est = scaledUp;
      }
      long floor = ((signal[i] * minSignalRemaining) >>> NOISE_REDUCTION_BITS) & 0xFFFFFFFFL;
      long subtracted = (scaledUp - est) >>> smoothingBits;
      signal[i] = Math.max(subtracted, floor);
    }
  }
}
