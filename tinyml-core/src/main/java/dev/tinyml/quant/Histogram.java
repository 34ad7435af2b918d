package dev.tinyml.quant;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins over [{@code min}, {@code max}]; the last bin includes
 * {@code max}. Used for weight and activation histograms in reports and charts.
 */
public final class Histogram {
  private final double min;
  private final double max;
  private final long[] counts;

  private Histogram(double min, double max, long[] counts) {
    this.min = min;
    this.max = max;
    this.counts = counts;
  }

  /**
   * Builds a histogram spanning the values' own range.
   *
   * @param values finite values, at least one
   * @param bins number of bins, positive
   * @return the histogram
   */
  public static Histogram of(float[] values, int bins) {
    if (values.length == 0) {
      throw new IllegalArgumentException("cannot build a histogram of no values");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("value at index " + i + " is " + values[i]);
      }
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    return of(values, bins, lo, hi);
  }

  /**
   * Builds a histogram over a given range; values outside it go to the first or last bin.
   *
   * @param values the values
   * @param bins number of bins, positive
   * @param min lower edge
   * @param max upper edge, at least {@code min}
   * @return the histogram
   */
  public static Histogram of(float[] values, int bins, double min, double max) {
    if (bins <= 0) {
      throw new IllegalArgumentException("histogram needs at least one bin, got " + bins);
    }
    if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("histogram range invalid: [" + min + ", " + max + "]");
    }
    long[] counts = new long[bins];
    double width = (max - min) / bins;
    for (float v : values) {
      int b = width == 0 ? 0 : (int) Math.floor((v - min) / width);
      counts[Math.max(0, Math.min(bins - 1, b))]++;
    }
    return new Histogram(min, max, counts);
  }

  /**
   * Builds a histogram over [-m, m], m the largest magnitude of the values (1 when all are 0), so
   * that 0 sits in the middle.
   *
   * @param values the values
   * @param bins number of bins, positive
   * @return the histogram
   */
  public static Histogram symmetric(float[] values, int bins) {
    if (bins <= 0) {
      throw new IllegalArgumentException("histogram needs at least one bin, got " + bins);
    }
    double max = 0;
    for (float x : values) {
      max = Math.max(max, Math.abs(x));
    }
    max = max == 0 ? 1 : max;
    long[] counts = new long[bins];
    for (float x : values) {
      int bin = (int) Math.floor((x + max) / (2 * max) * bins);
      counts[Math.max(0, Math.min(bins - 1, bin))]++;
    }
    return new Histogram(-max, max, counts);
  }

  /** Lower edge of the first bin. */
  public double min() {
    return min;
  }

  /** Upper edge of the last bin. */
  public double max() {
    return max;
  }

  /** Width of each bin. */
  public double binWidth() {
    return (max - min) / counts.length;
  }

  /** The counts, one per bin (a copy). */
  public long[] counts() {
    return counts.clone();
  }

  /** Total number of values counted. */
  public long total() {
    return Arrays.stream(counts).sum();
  }
}
