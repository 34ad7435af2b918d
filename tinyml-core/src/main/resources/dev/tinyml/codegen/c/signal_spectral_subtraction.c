/* SignalFilterBankSpectralSubtraction: a smoothed noise estimate per channel, kept in static
 * state across invokes, is subtracted from each channel, leaving at least min_signal_remaining of
 * it. Even channels use smoothing, odd ones alternate_smoothing. The coefficients widen with their
 * sign and the products wrap at 64 bits, as Java's long arithmetic does. */
typedef struct {
  int32_t channels;
  int32_t smoothing;
  int32_t one_minus_smoothing;
  int32_t alternate_smoothing;
  int32_t alternate_one_minus_smoothing;
  int32_t min_signal_remaining;
  int32_t smoothing_bits;
  int32_t spectral_subtraction_bits;
  int32_t clamping;
} tml_signal_spectral_subtraction_params;

static void tml_signal_spectral_subtraction(const tml_signal_spectral_subtraction_params *p,
                                            const uint32_t *in, uint32_t *noise_state,
                                            uint32_t *out, uint32_t *noise_out) {
  int32_t i;
  for (i = 0; i < p->channels; i++) {
    int odd = i & 1;
    uint64_t s = (uint64_t)(int64_t)(odd ? p->alternate_smoothing : p->smoothing);
    uint64_t one_minus =
        (uint64_t)(int64_t)(odd ? p->alternate_one_minus_smoothing : p->one_minus_smoothing);
    uint64_t input = in[i];
    uint64_t signal_up = (uint32_t)(input << p->smoothing_bits);
    uint64_t estimate = (uint32_t)((signal_up * s + (uint64_t)noise_state[i] * one_minus) >>
                                   p->spectral_subtraction_bits);
    uint64_t floor, subtracted;
    noise_state[i] = (uint32_t)estimate;
    if (estimate > signal_up) {
      estimate = signal_up;
      if (p->clamping) {
        noise_state[i] = (uint32_t)estimate;
      }
    }
    floor = (uint32_t)((input * (uint64_t)(int64_t)p->min_signal_remaining) >>
                       p->spectral_subtraction_bits);
    subtracted = (signal_up - estimate) >> p->smoothing_bits;
    out[i] = (uint32_t)(subtracted > floor ? subtracted : floor);
  }
  for (i = 0; i < p->channels; i++) {
    noise_out[i] = noise_state[i];
  }
}
