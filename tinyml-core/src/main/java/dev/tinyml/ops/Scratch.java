package dev.tinyml.ops;

/**
 * One interpreter's scratch space, handed to every {@link Op#eval}: int and float arrays sized at
 * prepare time for the hungriest op, and each op's {@link OpState}.
 */
public final class Scratch {
  private final int[] ints;
  private final float[] floats;
  private final OpState[] states;

  /**
   * Scratch for one interpreter.
   *
   * @param intCount ints of the hungriest op's {@link OpPlan#scratchInts()}
   * @param floatCount floats of the hungriest op's {@link OpPlan#scratchFloats()}
   * @param states each op's state by op index (null for stateless ops); not copied
   */
  public Scratch(int intCount, int floatCount, OpState[] states) {
    this.ints = new int[intCount];
    this.floats = new float[floatCount];
    this.states = states;
  }

  /** The shared int scratch; its contents are garbage between ops. */
  public int[] ints() {
    return ints;
  }

  /** The shared float scratch; its contents are garbage between ops. */
  public float[] floats() {
    return floats;
  }

  /** The state of op {@code opIndex}, as its plan's {@link OpPlan#newState()} made it. */
  public OpState state(int opIndex) {
    return states[opIndex];
  }

  /** Resets every op's state, as a fresh interpreter has it. */
  public void resetStates() {
    for (OpState s : states) {
      if (s != null) {
        s.reset();
      }
    }
  }
}
