package dev.tinyml.ops;

/**
 * An op that cannot be prepared: the message names the op index, the op and its tensors, and says
 * what to do. The interpreter reports it as its own {@code InterpreterException}.
 */
public class OpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the op and what to do. */
  public OpException(String message, Throwable cause) {
    super(message, cause);
  }
}
