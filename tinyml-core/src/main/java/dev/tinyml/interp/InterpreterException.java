package dev.tinyml.interp;

/**
 * A model the interpreter cannot prepare (unsupported op, version or type combination, inconsistent
 * shapes) or an invoke with wrong input data. The message names the op index, op name and tensors
 * involved, and says what to do.
 */
public final class InterpreterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public InterpreterException(String message) {
    super(message);
  }

  /** Creates the exception with its message and cause. */
  public InterpreterException(String message, Throwable cause) {
    super(message, cause);
  }
}
