package dev.tinyml.savedmodel;

/**
 * A SavedModel directory cannot be read or lowered to TFLite. The message names the file, node, op
 * or signature concerned and says what to do about it.
 */
public class SavedModelException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, where, and what to do
   */
  public SavedModelException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, where, and what to do
   * @param cause the low-level failure
   */
  public SavedModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
