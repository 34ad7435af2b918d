package dev.tinyml.ops;

/**
 * The quantizer rules of an op whose int8 kernel writes one fixed output quantization (SOFTMAX,
 * LOGISTIC, TANH, L2_NORMALIZATION): the op names it once and the {@link Int8Rules} methods read
 * it. Ops with an int16 kernel name its fixed output too.
 */
public interface FixedOutputRules extends Int8Rules {

  /**
   * An int8 output quantization.
   *
   * @param scale the scale
   * @param zeroPoint the zero point
   */
  record Quantization(float scale, int zeroPoint) {}

  /** The output quantization the int8 kernel writes. */
  Quantization fixedOutput();

  /**
   * The output quantization the int16 kernel requires (scale 2^-15, zero point 0 for SOFTMAX,
   * LOGISTIC and TANH), for ops that {@link #takesInt16Activations()}.
   */
  default Quantization fixedInt16Output() {
    throw new UnsupportedOperationException("the op has no int16 kernel");
  }

  @Override
  default OutputParams outputParams() {
    return OutputParams.FIXED;
  }

  @Override
  default float fixedOutputScale() {
    return fixedOutput().scale();
  }

  @Override
  default int fixedOutputZeroPoint() {
    return fixedOutput().zeroPoint();
  }
}
