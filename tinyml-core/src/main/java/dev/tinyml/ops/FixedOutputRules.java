package dev.tinyml.ops;

/**
 * The quantizer rules of an op whose int8 kernel writes one fixed output quantization (SOFTMAX,
 * LOGISTIC, TANH, L2_NORMALIZATION): the op names it once and the {@link Int8Rules} methods read
 * it.
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

  /** The int16 kernels of SOFTMAX, LOGISTIC and TANH all write outputs in steps of 2^-15. */
  @Override
  default float fixedInt16OutputScale() {
    return 1.0f / 32768;
  }
}
