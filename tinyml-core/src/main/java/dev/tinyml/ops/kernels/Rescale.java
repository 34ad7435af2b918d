package dev.tinyml.ops.kernels;

/**
 * How TFLM's integer two-input ops (ADD, SUB, MUL, SQUARED_DIFFERENCE, comparisons) bring one
 * tensor to a common scale: a zero-point offset and a fixed-point multiplier.
 *
 * @param offset the value added before scaling (minus an input's zero point, or an output's zero
 *     point)
 * @param multiplier significand of the scale
 * @param shift its exponent
 */
public record Rescale(int offset, int multiplier, int shift) {

  /** No rescaling: the float and int32 forms, and unused slots. */
  public static final Rescale NONE = new Rescale(0, 0, 0);

  /** A rescale with the given offset by {@code real}, quantized as TFLM's QuantizeMultiplier. */
  public static Rescale of(int offset, double real) {
    FixedPoint.Multiplier m = FixedPoint.quantizeMultiplier(real);
    return new Rescale(offset, m.multiplier(), m.shift());
  }

  /** An input element {@code (offset + x) << leftShift}, scaled by a multiplier below one. */
  public int input(int x, int leftShift) {
    return FixedPoint.rescaleInput(offset, x, leftShift, multiplier, shift);
  }
}
