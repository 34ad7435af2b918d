package dev.tinyml.preprocess;

/**
 * Per-channel normalisation with statistics stored at fit time, so that training, test and device
 * data are scaled identically. {@link ZScore} and {@link MinMax} are records: keep them (for
 * example as JSON) next to the model.
 */
public sealed interface Normalizer {

  /**
   * Normalises rows in place-free fashion.
   *
   * @param rows {@code rows[t][channel]}
   * @return new normalised rows
   */
  float[][] apply(float[][] rows);

  /**
   * Undoes {@link #apply}.
   *
   * @param rows normalised rows
   * @return rows in the original units
   */
  float[][] invert(float[][] rows);

  /**
   * Z-score normalisation {@code (x - mean) / std}, with population standard deviations; a constant
   * channel (std 0) is only centred.
   *
   * @param mean per-channel means
   * @param std per-channel standard deviations
   */
  record ZScore(float[] mean, float[] std) implements Normalizer {
    /**
     * Computes the statistics of {@code rows}.
     *
     * @param rows {@code rows[t][channel]}, at least one row
     * @return the fitted normaliser
     */
    public static ZScore fit(float[][] rows) {
      int width = requireRows(rows);
      float[] mean = new float[width];
      float[] std = new float[width];
      for (int c = 0; c < width; c++) {
        double sum = 0;
        for (float[] r : rows) {
          sum += r[c];
        }
        double m = sum / rows.length;
        double sq = 0;
        for (float[] r : rows) {
          sq += (r[c] - m) * (r[c] - m);
        }
        mean[c] = (float) m;
        std[c] = (float) Math.sqrt(sq / rows.length);
      }
      return new ZScore(mean, std);
    }

    @Override
    public float[][] apply(float[][] rows) {
      float[][] out = new float[rows.length][];
      for (int t = 0; t < rows.length; t++) {
        out[t] = new float[mean.length];
        for (int c = 0; c < mean.length; c++) {
          float s = std[c] == 0 ? 1f : std[c];
          out[t][c] = (rows[t][c] - mean[c]) / s;
        }
      }
      return out;
    }

    @Override
    public float[][] invert(float[][] rows) {
      float[][] out = new float[rows.length][];
      for (int t = 0; t < rows.length; t++) {
        out[t] = new float[mean.length];
        for (int c = 0; c < mean.length; c++) {
          float s = std[c] == 0 ? 1f : std[c];
          out[t][c] = rows[t][c] * s + mean[c];
        }
      }
      return out;
    }
  }

  /**
   * Min-max normalisation to [0, 1]: {@code (x - min) / (max - min)}; a constant channel maps to 0.
   * Values outside the fitted range map outside [0, 1] (they are not clipped).
   *
   * @param min per-channel minima
   * @param max per-channel maxima
   */
  record MinMax(float[] min, float[] max) implements Normalizer {
    /**
     * Computes the statistics of {@code rows}.
     *
     * @param rows {@code rows[t][channel]}, at least one row
     * @return the fitted normaliser
     */
    public static MinMax fit(float[][] rows) {
      int width = requireRows(rows);
      float[] min = new float[width];
      float[] max = new float[width];
      java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
      java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
      for (float[] r : rows) {
        for (int c = 0; c < width; c++) {
          min[c] = Math.min(min[c], r[c]);
          max[c] = Math.max(max[c], r[c]);
        }
      }
      return new MinMax(min, max);
    }

    @Override
    public float[][] apply(float[][] rows) {
      float[][] out = new float[rows.length][];
      for (int t = 0; t < rows.length; t++) {
        out[t] = new float[min.length];
        for (int c = 0; c < min.length; c++) {
          float range = max[c] - min[c];
          out[t][c] = range == 0 ? 0f : (rows[t][c] - min[c]) / range;
        }
      }
      return out;
    }

    @Override
    public float[][] invert(float[][] rows) {
      float[][] out = new float[rows.length][];
      for (int t = 0; t < rows.length; t++) {
        out[t] = new float[min.length];
        for (int c = 0; c < min.length; c++) {
          out[t][c] = rows[t][c] * (max[c] - min[c]) + min[c];
        }
      }
      return out;
    }
  }

  private static int requireRows(float[][] rows) {
    if (rows.length == 0) {
      throw new PreprocessException("Cannot fit normalisation statistics on zero rows");
    }
    return rows[0].length;
  }
}
