package dev.tinyml.savedmodel;

/** Lowers one TensorFlow node (and whatever it absorbs) to TFLite operators. */
@FunctionalInterface
interface OpLowering {
  /**
   * Emits the node's operators into {@code cx} and binds its output(s) to their tensors.
   *
   * @throws IllegalArgumentException when the node's attributes or inputs are malformed
   */
  void lower(Node n, LoweringContext cx) throws SavedModelException;
}
