package dev.tinyml.preprocess;

/**
 * Bad input to preprocessing: a truncated or unsupported audio or image file, a malformed CSV, or
 * parameters that do not make sense together. The message names the file or parameter and says what
 * to do.
 */
public class PreprocessException extends RuntimeException {
  /**
   * Creates the exception.
   *
   * @param message what is wrong and what to do about it
   */
  public PreprocessException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and what to do about it
   * @param cause the underlying failure
   */
  public PreprocessException(String message, Throwable cause) {
    super(message, cause);
  }
}
