package dev.tinyml.preprocess;

/**
 * Integer helpers of TFLM's micro frontend ({@code bits.h}, the square roots of filterbank.c),
 * which the signal library's {@code Sqrt64} shares.
 */
public final class FrontendIntegerMath {
  private FrontendIntegerMath() {}

  /** Position of the highest set bit plus one (0 for 0), of {@code x} read as unsigned 32-bit. */
  static int msb32(long x) {
    return 32 - Integer.numberOfLeadingZeros((int) x);
  }

  /** Rounded integer square root of an unsigned 32-bit value, saturating at 0xFFFF. */
  static long sqrt32(long num) {
    num &= 0xFFFFFFFFL;
    if (num == 0) {
      return 0;
    }
    long res = 0;
    int maxBitNumber = (32 - msb32(num)) | 1;
    long bit = 1L << (31 - maxBitNumber);
    int iterations = (31 - maxBitNumber) / 2 + 1;
    while (iterations-- > 0) {
      if (num >= res + bit) {
        num -= res + bit;
        res = (res >>> 1) + bit;
      } else {
        res >>>= 1;
      }
      bit >>>= 2;
    }
    if (num > res && res != 0xFFFF) {
      ++res;
    }
    return res & 0xFFFF;
  }

  /**
   * Rounded integer square root of an unsigned 64-bit value. Values below 2^32 take the 32-bit path
   * (and its saturation at 0xFFFF) exactly as the C code does.
   *
   * @param num the value, read as unsigned
   * @return the root, an unsigned 32-bit value in a long
   */
  public static long sqrt64(long num) {
    if ((num >>> 32) == 0) {
      return sqrt32(num);
    }
    long res = 0;
    int maxBitNumber = (64 - (64 - Long.numberOfLeadingZeros(num))) | 1;
    long bit = 1L << (63 - maxBitNumber);
    int iterations = (63 - maxBitNumber) / 2 + 1;
    while (iterations-- > 0) {
      if (Long.compareUnsigned(num, res + bit) >= 0) {
        num -= res + bit;
        res = (res >>> 1) + bit;
      } else {
        res >>>= 1;
      }
      bit >>>= 2;
    }
    if (Long.compareUnsigned(num, res) > 0 && res != 0xFFFFFFFFL) {
      ++res;
    }
    return res & 0xFFFFFFFFL;
  }
}
