package dev.tinyml.codegen;

/**
 * A model, template or configuration that cannot be turned into firmware; the message names the
 * thing (op, placeholder, file, board) and what to do about it.
 */
public class CodegenException extends Exception {
  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do about it
   */
  public CodegenException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure
   */
  public CodegenException(String message, Throwable cause) {
    super(message, cause);
  }
}
