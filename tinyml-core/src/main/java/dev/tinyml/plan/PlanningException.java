package dev.tinyml.plan;

/**
 * A model cannot be planned or its arena estimated. The message names the subgraph, operator or
 * tensor and says what to do.
 */
public final class PlanningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the offending part of the model. */
  public PlanningException(String message) {
    super(message);
  }
}
