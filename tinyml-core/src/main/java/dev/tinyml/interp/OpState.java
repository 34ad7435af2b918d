package dev.tinyml.interp;

/**
 * Per-interpreter state of one op that persists across invokes (e.g. the signal library's noise
 * estimate), or work buffers that must not be shared between threads. Each {@link Interpreter} gets
 * its own instance from the op's factory.
 */
interface OpState {

  /** Returns the state to what a fresh interpreter has (TFLM's op {@code reset}). */
  void reset();
}
