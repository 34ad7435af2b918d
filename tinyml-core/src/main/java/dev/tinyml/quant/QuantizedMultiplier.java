package dev.tinyml.quant;

/**
 * A real multiplier expressed as TFLite's kernels apply it: a Q31 fixed-point {@code multiplier}
 * and a power-of-two {@code shift}, so that {@code real ≈ multiplier * 2^(shift - 31)}.
 *
 * <p>The decomposition is the one in TFLite's {@code QuantizeMultiplier}: split the value into a
 * fraction in [0.5, 1) and an exponent, round the fraction times 2^31 half away from zero, and if
 * that rounds up to 2^31 halve it and bump the exponent. Multipliers below 2^-31 flush to zero.
 *
 * @param multiplier the Q31 significand, in [2^30, 2^31 - 1] for positive inputs, 0 for zero
 * @param shift the exponent: positive means shift left
 */
public record QuantizedMultiplier(int multiplier, int shift) {

  /**
   * Decomposes a real multiplier.
   *
   * @param real the value, finite
   * @return the (multiplier, shift) pair
   */
  public static QuantizedMultiplier of(double real) {
    if (!Double.isFinite(real)) {
      throw new IllegalArgumentException("multiplier must be finite: " + real);
    }
    if (real == 0.0 || Math.abs(real) < Double.MIN_NORMAL) {
      return new QuantizedMultiplier(0, 0);
    }
    // frexp: real = fraction * 2^exponent with |fraction| in [0.5, 1).
    int exponent = Math.getExponent(real) + 1;
    double fraction = real / Math.scalb(1.0, exponent);
    long fixed = QuantMath.roundHalfAwayFromZero(fraction * (1L << 31));
    if (Math.abs(fixed) == (1L << 31)) {
      fixed /= 2;
      exponent++;
    }
    if (exponent < -31) {
      return new QuantizedMultiplier(0, 0);
    }
    if (fixed > Integer.MAX_VALUE || fixed < Integer.MIN_VALUE) {
      throw new IllegalStateException("fixed-point multiplier overflow for " + real);
    }
    return new QuantizedMultiplier((int) fixed, exponent);
  }

  /** The real value this pair represents, {@code multiplier * 2^(shift - 31)}. */
  public double toDouble() {
    return multiplier * Math.scalb(1.0, shift - 31);
  }
}
