/* SignalEnergy: re^2 + im^2 of bins [start, end) as uint32 (wrapping). The other n - (end - start)
 * outputs are set to 0, which is what the interpreter's own output array holds there. */
static void tml_signal_energy(const int16_t *in, int32_t start, int32_t end, int32_t n,
                              uint32_t *out) {
  int32_t i;
  for (i = 0; i < n; i++) {
    if (i >= start && i < end) {
      int32_t re = in[2 * i], im = in[2 * i + 1];
      out[i] = (uint32_t)(re * re) + (uint32_t)(im * im);
    } else {
      out[i] = 0;
    }
  }
}
