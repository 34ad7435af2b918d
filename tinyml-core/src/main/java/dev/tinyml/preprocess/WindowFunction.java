package dev.tinyml.preprocess;

/**
 * Analysis windows. A <em>periodic</em> window of length {@code n} is the first {@code n} points of
 * the symmetric window of length {@code n + 1}; it is what spectral analysis wants (numpy/scipy
 * {@code sym=False}, {@code tf.signal.hann_window(periodic=True)}), while the <em>symmetric</em>
 * form is the filter-design one ({@code numpy.hanning}).
 */
public enum WindowFunction {
  /** {@code 0.5 - 0.5 cos(2 pi i / N)}. */
  HANN(0.5, 0.5),
  /** {@code 0.54 - 0.46 cos(2 pi i / N)}. */
  HAMMING(0.54, 0.46),
  /** All ones. */
  RECTANGULAR(1.0, 0.0);

  private final double a0;
  private final double a1;

  WindowFunction(double a0, double a1) {
    this.a0 = a0;
    this.a1 = a1;
  }

  /**
   * The window's coefficients.
   *
   * @param length number of coefficients
   * @param periodic {@code true} for the periodic form (denominator {@code length}), {@code false}
   *     for the symmetric form (denominator {@code length - 1})
   * @return the coefficients
   */
  public float[] coefficients(int length, boolean periodic) {
    if (length <= 0) {
      throw new PreprocessException("Window length must be positive, got " + length);
    }
    float[] w = new float[length];
    int denominator = periodic ? length : length - 1;
    for (int i = 0; i < length; i++) {
      w[i] = denominator == 0 ? 1f : (float) (a0 - a1 * Math.cos(2 * Math.PI * i / denominator));
    }
    return w;
  }
}
