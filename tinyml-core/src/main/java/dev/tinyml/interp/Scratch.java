package dev.tinyml.interp;

/** Per-interpreter scratch arrays, sized at prepare time for the hungriest op. */
final class Scratch {
  final int[] ints;
  final float[] floats;

  /** Each op's per-interpreter state by op index (null for stateless ops). */
  final OpState[] states;

  Scratch(int intCount, int floatCount, OpState[] states) {
    this.ints = new int[intCount];
    this.floats = new float[floatCount];
    this.states = states;
  }

  void resetStates() {
    for (OpState s : states) {
      if (s != null) {
        s.reset();
      }
    }
  }
}
