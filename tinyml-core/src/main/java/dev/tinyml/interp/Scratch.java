package dev.tinyml.interp;

/** Per-interpreter scratch arrays, sized at prepare time for the hungriest op. */
final class Scratch {
  final int[] ints;
  final float[] floats;

  Scratch(int intCount, int floatCount) {
    this.ints = new int[intCount];
    this.floats = new float[floatCount];
  }
}
