package dev.tinyml.preprocess;

/**
 * Triangular mel filters over the bins of a real FFT, built as {@code librosa.filters.mel} builds
 * them: {@code bands + 2} edge frequencies equally spaced on the chosen {@link MelScale} between
 * {@code fMin} and {@code fMax}; band {@code i} rises linearly (in Hz) from edge {@code i} to edge
 * {@code i+1} and falls to edge {@code i+2}. With {@code slaneyNorm} each triangle is scaled by
 * {@code 2 / (f[i+2] - f[i])} so that every band has the same area (librosa's {@code
 * norm="slaney"}); without it the peaks are 1 (HTK, TensorFlow).
 */
public final class MelFilterbank {
  private final int bands;
  private final int[] firstBin;
  private final float[][] weights;

  /**
   * Builds the filters.
   *
   * @param sampleRate sample rate in Hz
   * @param fftLength FFT length; the spectrum has {@code fftLength/2 + 1} bins
   * @param bands number of mel bands
   * @param fMin lowest edge in Hz
   * @param fMax highest edge in Hz, at most the Nyquist frequency
   * @param scale the mel scale
   * @param slaneyNorm whether to normalise the bands to equal area
   */
  public MelFilterbank(
      int sampleRate,
      int fftLength,
      int bands,
      double fMin,
      double fMax,
      MelScale scale,
      boolean slaneyNorm) {
    if (bands <= 0) {
      throw new PreprocessException("Mel filterbank needs at least one band, got " + bands);
    }
    if (!(fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2.0)) {
      throw new PreprocessException(
          "Mel filterbank limits must satisfy 0 <= fMin < fMax <= sampleRate/2 = "
              + sampleRate / 2.0
              + " Hz, got "
              + fMin
              + " and "
              + fMax);
    }
    this.bands = bands;
    int bins = fftLength / 2 + 1;
    double melMin = scale.hzToMel(fMin);
    double melMax = scale.hzToMel(fMax);
    double[] edges = new double[bands + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = scale.melToHz(melMin + (melMax - melMin) * i / (bands + 1));
    }
    firstBin = new int[bands];
    weights = new float[bands][];
    for (int b = 0; b < bands; b++) {
      double lo = edges[b];
      double mid = edges[b + 1];
      double hi = edges[b + 2];
      double norm = slaneyNorm ? 2.0 / (hi - lo) : 1.0;
      int first = -1;
      int last = -1;
      double[] w = new double[bins];
      for (int k = 0; k < bins; k++) {
        double f = (double) k * sampleRate / fftLength;
        double v = Math.max(0, Math.min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
        if (v > 0) {
          if (first < 0) {
            first = k;
          }
          last = k;
          w[k] = v * norm;
        }
      }
      if (first < 0) {
        first = 0;
        last = -1; // a band narrower than one bin: always zero, as in librosa
      }
      firstBin[b] = first;
      weights[b] = new float[last - first + 1];
      for (int k = first; k <= last; k++) {
        weights[b][k - first] = (float) w[k];
      }
    }
  }

  /**
   * @return the number of bands
   */
  public int bands() {
    return bands;
  }

  /**
   * The dense weight matrix, {@code bands} rows by {@code fftLength/2 + 1} columns.
   *
   * @param bins number of spectrum bins (columns)
   * @return the weights
   */
  public float[][] matrix(int bins) {
    float[][] m = new float[bands][bins];
    for (int b = 0; b < bands; b++) {
      System.arraycopy(weights[b], 0, m[b], firstBin[b], weights[b].length);
    }
    return m;
  }

  /**
   * Applies the filters to one spectrum.
   *
   * @param spectrum magnitude or power spectrum, {@code fftLength/2 + 1} bins
   * @param out {@code bands} band energies
   */
  public void apply(float[] spectrum, float[] out) {
    for (int b = 0; b < bands; b++) {
      float[] w = weights[b];
      int base = firstBin[b];
      float acc = 0;
      for (int k = 0; k < w.length; k++) {
        acc += w[k] * spectrum[base + k];
      }
      out[b] = acc;
    }
  }
}
