package dev.tinyml.preprocess;

/**
 * {@code log1pf} as the C libraries TFLM is built against compute it (the fdlibm algorithm in
 * newlib and in glibc before its correctly rounded rewrite), evaluated in single precision step by
 * step. The micro frontend's mel scale calls {@code log1pf}; that algorithm is sometimes one unit
 * in the last place away from the correctly rounded {@code (float) Math.log1p(x)}, and one ulp in a
 * band edge moves every channel centre and can flip a 12-bit filterbank weight.
 *
 * <p>The reduction: {@code 1 + x = 2^k (1 + f)} with {@code sqrt(2)/2 <= 1 + f < sqrt(2)}, a
 * correction {@code c} for the rounding of {@code 1 + x}, then {@code log(1 + f) = f - hfsq + s
 * (hfsq + R(s^2))} with {@code s = f / (2 + f)}, {@code hfsq = f^2 / 2} and a degree-14 even
 * minimax polynomial {@code R}; {@code k ln 2} is added as a high and a low part.
 */
final class SinglePrecisionLog1p {
  private static final float LN2_HI = Float.intBitsToFloat(0x3f317180);
  private static final float LN2_LO = Float.intBitsToFloat(0x3717f7d1);
  // Coefficients of R(z) = LP1 z + LP2 z^2 + ... + LP7 z^7, z = s^2.
  private static final float LP1 = Float.intBitsToFloat(0x3F2AAAAB);
  private static final float LP2 = Float.intBitsToFloat(0x3ECCCCCD);
  private static final float LP3 = Float.intBitsToFloat(0x3E924925);
  private static final float LP4 = Float.intBitsToFloat(0x3E638E29);
  private static final float LP5 = Float.intBitsToFloat(0x3E3A3325);
  private static final float LP6 = Float.intBitsToFloat(0x3E1CD04F);
  private static final float LP7 = Float.intBitsToFloat(0x3E178897);

  /** Bit pattern of the largest x for which {@code 1 + x} needs no reduction (about 0.41422). */
  private static final int SQRT2_MINUS_1_BITS = 0x3ed413d7;

  /** Mantissa of sqrt(2): above it, 1 + x is halved so that 1 + f stays below sqrt(2). */
  private static final int SQRT2_MANTISSA = 0x3504f7;

  private SinglePrecisionLog1p() {}

  /**
   * {@code ln(1 + x)} for finite {@code x >= 0}, with the rounding of the fdlibm algorithm.
   *
   * @param x a finite, non-negative value
   * @return {@code ln(1 + x)} in single precision
   */
  static float log1p(float x) {
    if (!(x >= 0) || Float.isInfinite(x)) {
      throw new IllegalArgumentException("log1p is evaluated here for finite x >= 0, got " + x);
    }
    int hx = Float.floatToRawIntBits(x);
    int k;
    float f;
    float c = 0;
    int hu;
    if (hx < SQRT2_MINUS_1_BITS) {
      if (hx < 0x31000000) { // x < 2^-29: the series' second term is all that is left
        return hx < 0x24800000 ? x : x - x * x * 0.5f;
      }
      k = 0;
      f = x;
      hu = 1;
    } else {
      float u;
      if (hx < 0x5a000000) { // x < 2^53: 1 + x is inexact, so keep what its rounding lost
        u = 1.0f + x;
        hu = Float.floatToRawIntBits(u);
        k = (hu >> 23) - 127;
        c = k > 0 ? 1.0f - (u - x) : x - (u - 1.0f);
        c /= u;
      } else {
        u = x;
        hu = hx;
        k = (hu >> 23) - 127;
      }
      hu &= 0x007fffff;
      if (hu < SQRT2_MANTISSA) {
        u = Float.intBitsToFloat(hu | 0x3f800000);
      } else {
        k += 1;
        u = Float.intBitsToFloat(hu | 0x3f000000);
        hu = (0x00800000 - hu) >> 2;
      }
      f = u - 1.0f;
    }
    float hfsq = 0.5f * f * f;
    if (hu == 0) { // |f| < 2^-20: a short series is exact enough
      if (f == 0) {
        return k == 0 ? 0f : k * LN2_HI + (c + k * LN2_LO);
      }
      float r = hfsq * (1.0f - 0.6666667f * f);
      return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
    }
    float s = f / (2.0f + f);
    float z = s * s;
    float r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
    if (k == 0) {
      return f - (hfsq - s * (hfsq + r));
    }
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
  }
}
