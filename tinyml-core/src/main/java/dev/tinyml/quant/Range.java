package dev.tinyml.quant;

/**
 * A real range a tensor's values are calibrated to.
 *
 * @param min lower bound
 * @param max upper bound, at least {@code min}
 */
public record Range(float min, float max) {

  /** Validates the bounds. */
  public Range {
    if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
      throw new IllegalArgumentException("invalid range [" + min + ", " + max + "]");
    }
  }

  /** The int8 activation parameters for this range (widened to hold 0). */
  public QuantParams toParams() {
    return QuantMath.activationParams(min, max);
  }
}
