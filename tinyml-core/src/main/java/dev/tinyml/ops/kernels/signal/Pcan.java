package dev.tinyml.ops.kernels.signal;

/**
 * {@code SignalPCAN}: per-channel automatic gain control. The gain comes from the noise estimate
 * through a piecewise-quadratic lookup table ({@code WideDynamicFunction}), and the gained signal
 * is compressed ({@code PcanShrink}).
 */
public final class Pcan {
  private static final int SNR_BITS = 12;
  private static final int OUTPUT_BITS = 6;

  private Pcan() {}

  /** The table entry count the lookup needs: 3 for x up to 2, then 4 per bit position 2..32. */
  public static final int LUT_SIZE = 4 * 32 - 3;

  /**
   * Applies the gain control.
   *
   * @param in unsigned 32-bit channel values
   * @param noise unsigned 32-bit noise estimate per channel
   * @param lut the int16 gain table of {@link #LUT_SIZE} entries
   * @param snrShift right shift of the gained value
   * @param out unsigned 32-bit results
   */
  public static void eval(int[] in, int[] noise, short[] lut, int snrShift, int[] out) {
    for (int i = 0; i < out.length; i++) {
      long gain = Integer.toUnsignedLong(wideDynamicFunction(noise[i], lut));
      long snr = ((Integer.toUnsignedLong(in[i]) * gain) >>> snrShift) & 0xFFFFFFFFL;
      out[i] = shrink(snr);
    }
  }

  /**
   * {@code WideDynamicFunction}: the int16 gain for unsigned 32-bit {@code x} from a table of
   * {@link #LUT_SIZE} entries, sign-extended as TFLM widens it to uint32. The micro frontend's
   * {@code PcanGainControl} uses it too.
   */
  public static int wideDynamicFunction(int x, short[] lut) {
    if (Integer.compareUnsigned(x, 2) <= 0) {
      return lut[x];
    }
    int interval = 32 - Integer.numberOfLeadingZeros(x);
    int base = 4 * interval - 6;
    int frac = (interval < 11 ? x << (11 - interval) : x >>> (interval - 11)) & 0x3FF;
    int result = (lut[base + 2] * frac) >> 5;
    result += lut[base + 1] << 5;
    result *= frac;
    result = (result + (1 << 14)) >> 15;
    result += lut[base];
    return (short) result;
  }

  /** {@code PcanShrink}: compresses a gained unsigned 32-bit value. */
  public static int shrink(long x) {
    if (x < (2L << SNR_BITS)) {
      return (int) (((x * x) & 0xFFFFFFFFL) >>> (2 + 2 * SNR_BITS - OUTPUT_BITS));
    }
    return (int) ((x >>> (SNR_BITS - OUTPUT_BITS)) - (1 << OUTPUT_BITS));
  }
}
