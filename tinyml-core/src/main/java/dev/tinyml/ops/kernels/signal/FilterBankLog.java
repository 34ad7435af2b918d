package dev.tinyml.ops.kernels.signal;

import dev.tinyml.preprocess.LogScale;

/** {@code SignalFilterBankLog}: scaled natural log of each channel, saturating at int16. */
public final class FilterBankLog {
  private FilterBankLog() {}

  /**
   * Computes {@code round(ln(in << correctionBits) * outputScale)} in TFLM's fixed point.
   *
   * @param in unsigned 32-bit channel values
   * @param correctionBits left shift applied first (wrapping at 32 bits)
   * @param outputScale multiplier of the natural log
   * @param out int16 results, 0 where the shifted value is 0 or 1
   */
  public static void eval(int[] in, int correctionBits, int outputScale, short[] out) {
    for (int i = 0; i < out.length; i++) {
      long scaled = Integer.toUnsignedLong(in[i] << correctionBits);
      out[i] =
          scaled > 1
              ? (short)
                  Math.min(
                      LogScale.log32(scaled, Integer.toUnsignedLong(outputScale)), Short.MAX_VALUE)
              : 0;
    }
  }
}
