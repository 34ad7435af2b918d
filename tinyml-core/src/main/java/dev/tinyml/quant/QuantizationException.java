package dev.tinyml.quant;

/**
 * A model or data set that cannot be quantized as given. The message names the model element (op
 * index and name, tensor name, sample number) and says what to do.
 */
public class QuantizationException extends RuntimeException {
  /**
   * @param message what is wrong, where, and what to do
   */
  public QuantizationException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, where, and what to do
   * @param cause the underlying failure
   */
  public QuantizationException(String message, Throwable cause) {
    super(message, cause);
  }
}
