package dev.tinyml.quant;

/**
 * Keeps a fixed-size histogram of the values and chooses a clipping range from it: by percentile,
 * by the smallest expected int8 quantization error (MSE), or by the smallest KL divergence between
 * the float distribution and its quantized form (entropy calibration).
 *
 * <p>The histogram has {@value #BINS} bins over a symmetric range {@code [-r, r]}; when a value
 * falls outside, {@code r} doubles and neighbouring bins merge pairwise, so memory stays bounded
 * and nothing is re-read. The exact minimum and maximum are tracked beside it, and a chosen range
 * never exceeds them.
 */
final class HistogramObserver extends CountingObserver {
  static final int BINS = 2048;
  private static final int HALF = BINS / 2;
  private static final double CLIPPED_MASS_FLOOR = 1e-3;

  private final long[] counts = new long[BINS];
  private double radius;
  private long zerosBeforeRadius;
  private final MinMaxObserver extremes;

  HistogramObserver(CalibrationMethod method) {
    super(method);
    extremes = new MinMaxObserver(method);
  }

  @Override
  void accept(float[] values, int offset, int length) {
    if (length == 0) {
      return;
    }
    extremes.accept(values, offset, length);
    // The largest magnitude so far: earlier batches' are already inside the radius.
    grow(Math.max(Math.abs(extremes.min()), Math.abs(extremes.max())));
    for (int i = offset; i < offset + length; i++) {
      if (radius == 0) {
        zerosBeforeRadius++;
      } else {
        counts[bin(values[i])]++;
      }
    }
  }

  private void grow(double needed) {
    if (needed <= radius) {
      return;
    }
    if (radius == 0) {
      radius = needed;
      counts[HALF] += zerosBeforeRadius;
      zerosBeforeRadius = 0;
      return;
    }
    while (radius < needed) {
      radius *= 2;
      long[] merged = new long[BINS];
      for (int i = 0; i < BINS; i++) {
        merged[i / 2 + BINS / 4] += counts[i];
      }
      System.arraycopy(merged, 0, counts, 0, BINS);
    }
  }

  private int bin(float v) {
    int b = (int) Math.floor((v + radius) / (2 * radius) * BINS);
    return Math.max(0, Math.min(BINS - 1, b));
  }

  private double width() {
    return 2 * radius / BINS;
  }

  private double lowerEdge(int bin) {
    return -radius + bin * width();
  }

  @Override
  Range observedRange() {
    if (radius == 0) {
      return new Range(0f, 0f);
    }
    if (method() instanceof CalibrationMethod.Percentile p) {
      return percentileRange(p.percentile());
    }
    if (method() instanceof CalibrationMethod.MseOptimal) {
      return mseRange();
    }
    if (method() instanceof CalibrationMethod.Entropy) {
      return entropyRange();
    }
    return extremes.observedRange();
  }

  private Range clamp(double lo, double hi) {
    float a = (float) Math.max(lo, extremes.min());
    float b = (float) Math.min(hi, extremes.max());
    return new Range(Math.min(a, b), Math.max(a, b));
  }

  private Range percentileRange(double percentile) {
    double upperTarget = percentile / 100.0 * count();
    double lowerTarget = (1 - percentile / 100.0) * count();
    long cumulative = 0;
    double lo = Double.NaN;
    double hi = Double.NaN;
    for (int b = 0; b < BINS; b++) {
      cumulative += counts[b];
      if (Double.isNaN(lo) && cumulative > lowerTarget) {
        lo = lowerEdge(b);
      }
      if (cumulative >= upperTarget) {
        hi = lowerEdge(b + 1);
        break;
      }
    }
    return clamp(lo, hi);
  }

  private Range mseRange() {
    double lo0 = Math.min(extremes.min(), 0);
    double hi0 = Math.max(extremes.max(), 0);
    // Coordinate search: the upper bound with the lower one fixed, then the lower one.
    double hi = bestBound(lo0, hi0, true);
    double lo = bestBound(lo0, hi, false);
    return clamp(lo, hi);
  }

  private double bestBound(double lo, double hi, boolean searchUpper) {
    int steps = 128;
    double bestError = Double.POSITIVE_INFINITY;
    double best = searchUpper ? hi : lo;
    // Descending so that ties keep the wider range: clipping is only chosen when it pays.
    for (int k = steps; k >= 1; k--) {
      double fraction = (double) k / steps;
      double candidate = fraction * (searchUpper ? hi : lo);
      double error = expectedError(searchUpper ? lo : candidate, searchUpper ? candidate : hi);
      if (error < bestError) {
        bestError = error;
        best = candidate;
      }
    }
    return best;
  }

  private double expectedError(double lo, double hi) {
    QuantParams params = QuantMath.activationParams(lo, hi);
    double error = 0;
    for (int b = 0; b < BINS; b++) {
      if (counts[b] == 0) {
        continue;
      }
      float center = (float) (lowerEdge(b) + width() / 2);
      double e = center - params.dequantize(params.quantize(center));
      error += counts[b] * e * e;
    }
    return error;
  }

  private Range entropyRange() {
    boolean oneSided = extremes.min() >= 0;
    double[] magnitude = new double[HALF];
    for (int j = 0; j < HALF; j++) {
      magnitude[j] = counts[HALF + j] + (oneSided ? 0 : counts[HALF - 1 - j]);
    }
    // A one-sided range spends all 256 levels on [0, t]; a two-sided one 128 on each side.
    int levels = oneSided ? 255 : 128;
    double bestKl = Double.POSITIVE_INFINITY;
    int bestBins = HALF;
    for (int i = levels; i <= HALF; i++) {
      double kl = klDivergence(magnitude, i, levels);
      if (kl < bestKl) {
        bestKl = kl;
        bestBins = i;
      }
    }
    double threshold = bestBins * width();
    return oneSided ? clamp(0, threshold) : clamp(-threshold, threshold);
  }

  /**
   * KL(P || Q) where P is the first {@code bins} bins with everything beyond folded into the last,
   * and Q is P's unclipped part squeezed into {@code levels} levels and spread back evenly over the
   * non-empty bins of each level.
   */
  static double klDivergence(double[] histogram, int bins, int levels) {
    double[] p = new double[bins];
    System.arraycopy(histogram, 0, p, 0, bins);
    for (int j = bins; j < histogram.length; j++) {
      p[bins - 1] += histogram[j];
    }
    double[] q = new double[bins];
    for (int level = 0; level < levels; level++) {
      int start = (int) ((long) level * bins / levels);
      int end = (int) ((long) (level + 1) * bins / levels);
      double sum = 0;
      int nonEmpty = 0;
      for (int j = start; j < end; j++) {
        sum += histogram[j];
        if (p[j] != 0) {
          nonEmpty++;
        }
      }
      for (int j = start; j < end; j++) {
        q[j] = (p[j] != 0 && nonEmpty > 0) ? sum / nonEmpty : 0;
      }
    }
    double pSum = 0;
    double qSum = 0;
    for (int j = 0; j < bins; j++) {
      pSum += p[j];
      qSum += q[j];
    }
    if (pSum == 0 || qSum == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double kl = 0;
    for (int j = 0; j < bins; j++) {
      if (p[j] > 0) {
        // Only the bin holding the folded-in outliers can have mass in P and none in Q; a floor
        // proportional to that mass keeps the divergence finite while still penalising clipping.
        double pj = p[j] / pSum;
        double qj = q[j] > 0 ? q[j] / qSum : pj * CLIPPED_MASS_FLOOR;
        kl += pj * Math.log(pj / qj);
      }
    }
    return kl;
  }
}
