package dev.tinyml.ops.kernels.signal;

/**
 * {@code SignalFilterBank}: triangular mel channels over unsigned 32-bit energies, accumulated in
 * unsigned 64 bits. Each band's weights feed its channel and its unweights the next one; the
 * leading accumulator (channel -1) is dropped.
 */
public final class FilterBank {
  private FilterBank() {}

  /**
   * Accumulates {@code out.length} channels.
   *
   * @param in unsigned 32-bit energies
   * @param weights int16 weight per tap
   * @param unweights int16 complementary weight per tap
   * @param freqStarts first input bin of each of the {@code channels + 1} bands
   * @param weightStarts first tap of each band
   * @param widths number of taps of each band
   * @param out unsigned 64-bit channel sums
   */
  public static void eval(
      int[] in,
      short[] weights,
      short[] unweights,
      short[] freqStarts,
      short[] weightStarts,
      short[] widths,
      long[] out) {
    long weighted = 0;
    long unweighted = 0;
    for (int i = 0; i <= out.length; i++) {
      int freqStart = freqStarts[i];
      int weightStart = weightStarts[i];
      for (int j = 0; j < widths[i]; j++) {
        long x = Integer.toUnsignedLong(in[freqStart + j]);
        // int16 weights widen to uint64 with sign extension; products and sums wrap mod 2^64.
        weighted += weights[weightStart + j] * x;
        unweighted += unweights[weightStart + j] * x;
      }
      if (i > 0) {
        out[i - 1] = weighted;
      }
      weighted = unweighted;
      unweighted = 0;
    }
  }
}
