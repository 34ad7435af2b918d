package dev.tinyml.ops.kernels.signal;

/** {@code SignalWindow}: multiplies each frame by int16 weights and shifts right, saturating. */
public final class Window {
  private Window() {}

  /**
   * Applies {@code weights} to every {@code weights.length}-sample frame of {@code in}.
   *
   * @param in int16 samples, a whole number of frames
   * @param weights the window, one int16 per sample of a frame
   * @param shift arithmetic right shift applied to each product
   * @param out int16 output, as long as {@code in}
   */
  public static void eval(short[] in, short[] weights, int shift, short[] out) {
    int w = weights.length;
    for (int f = 0; f + w <= in.length; f += w) {
      for (int i = 0; i < w; i++) {
        int raw = (in[f + i] * weights[i]) >> shift;
        out[f + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, raw));
      }
    }
  }
}
