package dev.tinyml.ops.kernels.signal;

/**
 * {@code SignalFftAutoScale}: shifts int16 samples left so the largest magnitude uses all 15 bits,
 * and reports the shift.
 */
public final class FftAutoScale {
  private FftAutoScale() {}

  /**
   * Scales {@code in} into {@code out}.
   *
   * @return the left shift applied (0 when the largest magnitude already has 15 bits)
   */
  public static int eval(short[] in, short[] out) {
    int max = 0;
    for (short v : in) {
      // TFLM's MaxAbs16 keeps an int16 maximum: -(-32768) does not fit and is skipped.
      if (v > max) {
        max = v;
      } else if ((short) -v > max) {
        max = (short) -v;
      }
    }
    int msb = max == 0 ? 32 : 32 - Integer.numberOfLeadingZeros(max);
    int scaleBits = Math.max(0, 16 - msb - 1);
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) (in[i] << scaleBits);
    }
    return scaleBits;
  }
}
