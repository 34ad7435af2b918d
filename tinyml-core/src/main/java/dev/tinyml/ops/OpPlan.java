package dev.tinyml.ops;

/**
 * What {@link Op#prepare} computed for one operator: a record holding every parameter its {@link
 * Op#eval} needs (tensor indices, shapes, multipliers, shifts, offsets, clamps, scratch sizes).
 * Plans are immutable and shared by every interpreter of a model; backends read them to generate
 * code that computes the same thing.
 */
public interface OpPlan {

  /** Ints of {@link Scratch#ints()} the op's eval uses. */
  default int scratchInts() {
    return 0;
  }

  /** Floats of {@link Scratch#floats()} the op's eval uses. */
  default int scratchFloats() {
    return 0;
  }

  /** A fresh per-interpreter state for the op, or null when it keeps none. */
  default OpState newState() {
    return null;
  }
}
