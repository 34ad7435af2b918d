package dev.tinyml.ops.kernels.signal;

/** {@code SignalEnergy}: squared magnitude of int16 complex bins, as unsigned 32-bit values. */
public final class Energy {
  private Energy() {}

  /**
   * Writes {@code re^2 + im^2} of bins {@code [start, end)}; other outputs are left untouched, as
   * in TFLM.
   *
   * @param in interleaved real and imaginary int16 parts
   * @param start first bin
   * @param end one past the last bin
   * @param out unsigned 32-bit energies, one per bin
   */
  public static void eval(short[] in, int start, int end, int[] out) {
    for (int i = start; i < end; i++) {
      int re = in[2 * i];
      int im = in[2 * i + 1];
      out[i] = re * re + im * im;
    }
  }
}
