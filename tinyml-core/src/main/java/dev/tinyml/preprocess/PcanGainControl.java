package dev.tinyml.preprocess;

import dev.tinyml.ops.kernels.signal.Pcan;

/**
 * The micro frontend's per-channel amplitude normalisation ({@code pcan_gain_control.c} and its
 * util): the signal is multiplied by a gain {@code 2^gainBits * (noise + offset)^-strength} read
 * from a piecewise-quadratic lookup table over the noise estimate, then compressed by {@code
 * PcanShrink}.
 */
final class PcanGainControl {
  private static final int SNR_BITS = 12;
  private static final int WIDE_DYNAMIC_FUNCTION_BITS = 32;

  private final short[] lut = new short[Pcan.LUT_SIZE];
  private final int snrShift;

  PcanGainControl(MicroFrontendConfig config, int inputCorrectionBits) {
    snrShift = config.pcanGainBits() - inputCorrectionBits - SNR_BITS;
    int inputBits = config.smoothingBits() - inputCorrectionBits;
    lut[0] = gain(config, inputBits, 0);
    lut[1] = gain(config, inputBits, 1);
    for (int interval = 2; interval <= WIDE_DYNAMIC_FUNCTION_BITS; interval++) {
      long x0 = 1L << (interval - 1);
      long x1 = x0 + (x0 >> 1);
      long x2 = interval == WIDE_DYNAMIC_FUNCTION_BITS ? x0 + (x0 - 1) : 2 * x0;
      short y0 = gain(config, inputBits, x0);
      short y1 = gain(config, inputBits, x1);
      short y2 = gain(config, inputBits, x2);
      int diff1 = y1 - y0;
      int diff2 = y2 - y0;
      int a1 = 4 * diff1 - diff2;
      int a2 = diff2 - a1;
      int base = 4 * interval - 6;
      lut[base] = y0;
      lut[base + 1] = (short) a1;
      lut[base + 2] = (short) a2;
    }
  }

  short[] lut() {
    return lut.clone();
  }

  int snrShift() {
    return snrShift;
  }

  /** {@code PcanGainLookupFunction}, in single precision like the C code. */
  private static short gain(MicroFrontendConfig config, int inputBits, long x) {
    float xAsFloat = ((float) x) / (float) (1L << inputBits);
    float gainAsFloat =
        (float) (1L << config.pcanGainBits())
            * (float) Math.pow(xAsFloat + config.pcanOffset(), -config.pcanStrength());
    if (gainAsFloat > Short.MAX_VALUE) {
      return Short.MAX_VALUE;
    }
    return (short) (int) (gainAsFloat + 0.5f);
  }

  /**
   * {@code WideDynamicFunction}: the gain for noise estimate {@code x} (unsigned 32-bit), the same
   * table lookup as the SignalPCAN kernel's.
   */
  short wideDynamicFunction(long x) {
    return (short) Pcan.wideDynamicFunction((int) x, lut);
  }

  void apply(long[] signal, long[] noiseEstimate) {
    for (int i = 0; i < signal.length; i++) {
      long gain = Integer.toUnsignedLong(Pcan.wideDynamicFunction((int) noiseEstimate[i], lut));
      long snr = ((signal[i] * gain) >>> snrShift) & 0xFFFFFFFFL;
      signal[i] = Integer.toUnsignedLong(Pcan.shrink(snr));
    }
  }
}
