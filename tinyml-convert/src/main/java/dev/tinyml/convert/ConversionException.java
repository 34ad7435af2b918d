package dev.tinyml.convert;

/**
 * A conversion that cannot be done as asked: a missing or malformed model, bad settings, unusable
 * representative data, or firmware that does not fit the board. The message names the thing and
 * what to do about it; {@link #getCause()} holds the library's own exception, if any.
 */
public class ConversionException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do about it
   */
  public ConversionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure
   */
  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
