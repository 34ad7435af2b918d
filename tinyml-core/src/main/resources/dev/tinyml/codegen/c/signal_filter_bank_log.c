/* SignalFilterBankLog: round(ln(x << correction_bits) * output_scale) saturated at int16, 0 where
 * the shifted value (wrapped at 32 bits) is 0 or 1. */
static void tml_signal_filter_bank_log(const uint32_t *in, int32_t correction_bits,
                                       uint32_t output_scale, const int32_t *lut, int32_t n,
                                       int16_t *out) {
  int32_t i;
  for (i = 0; i < n; i++) {
    uint32_t scaled = in[i] << correction_bits;
    uint32_t v = scaled > 1 ? tml_sig_log32(scaled, output_scale, lut) : 0;
    out[i] = (int16_t)(v < 32767u ? v : 32767u);
  }
}
