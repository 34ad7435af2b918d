package dev.tinyml.tflite;

/**
 * A {@code .tflite} file (or a model about to be written as one) does not follow the TFLite
 * FlatBuffer schema. The message names the byte offset or the model element and what was expected
 * there.
 */
public class TfliteFormatException extends Exception {
  /**
   * @param message what is wrong and where, e.g. {@code "offset 1234: vector of 80000000 tensors
   *     exceeds the 4096 bytes left in the file"}
   */
  public TfliteFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the low-level failure
   */
  public TfliteFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
