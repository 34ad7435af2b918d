package dev.tinyml.preprocess;

/**
 * Delta (time-derivative) features by HTK's regression formula {@code d[t] = sum_{n=1..N} n (c[t+n]
 * - c[t-n]) / (2 sum_{n=1..N} n^2)}, with the first and last frames repeated at the edges (HTK
 * Book, section 5.6). Apply twice for delta-deltas.
 */
public final class Deltas {
  /** HTK's default regression half-width {@code N} (DELTAWINDOW = 2). */
  public static final int DEFAULT_WIDTH = 2;

  private Deltas() {}

  /**
   * Computes deltas.
   *
   * @param frames features, one row per frame, all rows the same length
   * @param width the regression half-width {@code N}, at least 1
   * @return the deltas, the same shape as {@code frames}
   */
  public static float[][] compute(float[][] frames, int width) {
    if (width < 1) {
      throw new PreprocessException("Delta width must be at least 1, got " + width);
    }
    int t = frames.length;
    float[][] out = new float[t][];
    double denominator = 0;
    for (int n = 1; n <= width; n++) {
      denominator += 2.0 * n * n;
    }
    for (int i = 0; i < t; i++) {
      int dims = frames[i].length;
      out[i] = new float[dims];
      for (int d = 0; d < dims; d++) {
        double acc = 0;
        for (int n = 1; n <= width; n++) {
          float ahead = frames[Math.min(t - 1, i + n)][d];
          float behind = frames[Math.max(0, i - n)][d];
          acc += n * (ahead - behind);
        }
        out[i][d] = (float) (acc / denominator);
      }
    }
    return out;
  }
}
