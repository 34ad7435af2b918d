package dev.tinyml.savedmodel;

/** Infers the output types and static shapes of one TensorFlow op, folding it when it can. */
@FunctionalInterface
interface ShapeRule {
  /**
   * Fills the node's output types and shapes (and values when it folds).
   *
   * @param allConst whether every input of the node is a constant
   * @return false when the importer cannot handle the node as it is
   * @throws IllegalArgumentException when the op is known but its inputs do not fit
   */
  boolean infer(Node n, boolean allConst);
}
