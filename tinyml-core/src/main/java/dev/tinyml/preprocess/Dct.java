package dev.tinyml.preprocess;

/**
 * The orthonormal DCT-II ({@code scipy.fft.dct(type=2, norm="ortho")}): {@code X[k] = s(k) sum_n
 * x[n] cos(pi k (2n + 1) / 2N)} with {@code s(0) = sqrt(1/N)} and {@code s(k) = sqrt(2/N)}, whose
 * matrix is orthogonal. Computed with a precomputed {@code outputs x N} cosine table.
 */
public final class Dct {
  private final int inputs;
  private final int outputs;
  private final float[] table;

  /**
   * Creates the transform.
   *
   * @param inputs input length {@code N}
   * @param outputs number of leading coefficients kept, at most {@code N}
   */
  public Dct(int inputs, int outputs) {
    if (inputs <= 0 || outputs <= 0 || outputs > inputs) {
      throw new PreprocessException(
          "DCT needs 0 < outputs <= inputs, got " + outputs + " of " + inputs);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    table = new float[outputs * inputs];
    for (int k = 0; k < outputs; k++) {
      double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / inputs);
      for (int n = 0; n < inputs; n++) {
        table[k * inputs + n] =
            (float) (scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * inputs)));
      }
    }
  }

  /**
   * Transforms {@code in[offset .. offset+N)} into {@code out[0 .. outputs)}.
   *
   * @param in input values
   * @param offset index of the first input
   * @param out output coefficients
   */
  public void apply(float[] in, int offset, float[] out) {
    for (int k = 0; k < outputs; k++) {
      float acc = 0;
      int row = k * inputs;
      for (int n = 0; n < inputs; n++) {
        acc += table[row + n] * in[offset + n];
      }
      out[k] = acc;
    }
  }
}
