package dev.tinyml.codegen;

/** The firmware does not fit the board's flash or RAM; the message has the numbers. */
public final class BudgetExceededException extends CodegenException {
  private static final long serialVersionUID = 1L;

  private final transient Footprint footprint;

  /**
   * Creates the exception.
   *
   * @param message the numbers and what to do
   * @param footprint the estimate that failed
   */
  public BudgetExceededException(String message, Footprint footprint) {
    super(message);
    this.footprint = footprint;
  }

  /**
   * The estimate that failed.
   *
   * @return the footprint
   */
  public Footprint footprint() {
    return footprint;
  }
}
