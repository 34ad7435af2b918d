package dev.tinyml.quant;

/**
 * How far an approximation is from a reference: the largest absolute error, the mean squared error
 * and the signal-to-quantization-noise ratio {@code 10 log10(sum ref^2 / sum (ref - x)^2)} in
 * decibels (infinite when the two are equal; each 6 dB is roughly one bit).
 *
 * @param count number of values compared
 * @param maxAbsError largest {@code |ref - x|}
 * @param mse mean of {@code (ref - x)^2}
 * @param sqnrDb signal-to-noise ratio in dB; {@code +Infinity} without noise, {@code -Infinity} for
 *     a zero signal with noise
 */
public record ErrorStats(long count, double maxAbsError, double mse, double sqnrDb) {

  /**
   * Compares two arrays of equal length.
   *
   * @param reference the exact values (e.g. the float model's)
   * @param approximation the approximated values (e.g. the int8 model's, dequantized)
   * @return the statistics
   */
  public static ErrorStats of(float[] reference, float[] approximation) {
    if (reference.length != approximation.length) {
      throw new IllegalArgumentException(
          "cannot compare "
              + reference.length
              + " reference values with "
              + approximation.length
              + " approximations");
    }
    Accumulator acc = new Accumulator();
    acc.add(reference, approximation, 0, reference.length);
    return acc.result();
  }

  /** Accumulates statistics over several pairs of arrays, e.g. one per sample. */
  public static final class Accumulator {
    private long count;
    private double maxAbs;
    private double signal;
    private double noise;

    /** Creates an empty accumulator. */
    public Accumulator() {}

    /**
     * Adds {@code length} pairs from {@code offset}.
     *
     * @param reference exact values
     * @param approximation approximated values
     * @param offset first index
     * @param length number of pairs
     */
    public void add(float[] reference, float[] approximation, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        double r = reference[i];
        double e = r - approximation[i];
        maxAbs = Math.max(maxAbs, Math.abs(e));
        signal += r * r;
        noise += e * e;
      }
      count += length;
    }

    /** Merges another accumulator into this one. */
    public void add(Accumulator other) {
      count += other.count;
      maxAbs = Math.max(maxAbs, other.maxAbs);
      signal += other.signal;
      noise += other.noise;
    }

    /** The statistics so far. */
    public ErrorStats result() {
      double mse = count == 0 ? 0 : noise / count;
      double sqnr;
      if (noise == 0) {
        sqnr = Double.POSITIVE_INFINITY;
      } else if (signal == 0) {
        sqnr = Double.NEGATIVE_INFINITY;
      } else {
        sqnr = 10 * Math.log10(signal / noise);
      }
      return new ErrorStats(count, maxAbs, mse, sqnr);
    }
  }
}
