package dev.tinyml.ops.kernels;

/**
 * Writes an int into one element of an int8, int16 or int32 array, narrowing (and, where the caller
 * wants it, saturating) as that array needs, so that one integer loop serves every element width.
 */
@FunctionalInterface
interface IntStore {

  /** Stores {@code value} at {@code index}. */
  void set(int index, int value);
}
