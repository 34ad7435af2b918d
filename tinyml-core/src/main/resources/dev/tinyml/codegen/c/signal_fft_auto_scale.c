/* SignalFftAutoScale: shifts the n samples left until the largest magnitude uses 15 bits and
 * stores the shift. The maximum is kept in int16 as TFLM's MaxAbs16 does: -(-32768) is skipped. */
static void tml_signal_fft_auto_scale(const int16_t *in, int32_t n, int16_t *out,
                                      int32_t *scale_bits) {
  int32_t max = 0, i, bits;
  for (i = 0; i < n; i++) {
    int16_t v = in[i];
    int16_t neg = (int16_t)-v;
    if (v > max) {
      max = v;
    } else if (neg > max) {
      max = neg;
    }
  }
  bits = max == 0 ? 0 : 16 - tml_sig_msb32((uint32_t)max) - 1;
  if (bits < 0) {
    bits = 0;
  }
  for (i = 0; i < n; i++) {
    out[i] = (int16_t)(uint16_t)((uint32_t)(uint16_t)in[i] << bits);
  }
  *scale_bits = bits;
}
