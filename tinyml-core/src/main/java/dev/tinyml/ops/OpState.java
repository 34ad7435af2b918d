package dev.tinyml.ops;

/**
 * Per-interpreter state of one op that persists across invokes (e.g. the signal library's noise
 * estimate), or work buffers that must not be shared between threads. Each interpreter gets its own
 * instance from {@link OpPlan#newState()}.
 */
public interface OpState {

  /** Returns the state to what a fresh interpreter has (TFLM's op {@code reset}). */
  void reset();
}
