/* SignalFilterBank: triangular bands over uint32 energies into uint64 sums. Band i's weights feed
 * channel i - 1 and its unweights channel i; the leading accumulator is dropped. int16 weights
 * widen with their sign and the sums wrap modulo 2^64, as in the reference. */
static void tml_signal_filter_bank(const uint32_t *in, const int16_t *weights,
                                   const int16_t *unweights, const int16_t *freq_starts,
                                   const int16_t *weight_starts, const int16_t *widths,
                                   int32_t channels, uint64_t *out) {
  uint64_t weighted = 0, unweighted = 0;
  int32_t i, j;
  for (i = 0; i <= channels; i++) {
    int32_t freq = freq_starts[i], weight = weight_starts[i];
    for (j = 0; j < widths[i]; j++) {
      uint64_t x = in[freq + j];
      weighted += (uint64_t)(int64_t)weights[weight + j] * x;
      unweighted += (uint64_t)(int64_t)unweights[weight + j] * x;
    }
    if (i > 0) {
      out[i - 1] = weighted;
    }
    weighted = unweighted;
    unweighted = 0;
  }
}
