/* SignalWindow: each frame of n samples times the int16 window, shifted right, saturated. */
static void tml_signal_window(const int16_t *in, const int16_t *weights, int32_t frame, int32_t n,
                              int32_t shift, int16_t *out) {
  int32_t f, i;
  for (f = 0; f + frame <= n; f += frame) {
    for (i = 0; i < frame; i++) {
      int32_t raw = (in[f + i] * weights[i]) >> shift;
      out[f + i] = (int16_t)(raw < -32768 ? -32768 : (raw > 32767 ? 32767 : raw));
    }
  }
}
