package dev.tinyml.interp;

/** One prepared op: runs its kernel over the interpreter's tensor arrays. */
@FunctionalInterface
interface Step {

  /**
   * Runs the op.
   *
   * @param tensors the interpreter's array for every tensor index (constants shared, read-only)
   * @param scratch the interpreter's scratch space
   */
  void run(Object[] tensors, Scratch scratch);
}
