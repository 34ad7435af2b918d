/* SignalFilterBankSquareRoot: the rounded square root of each uint64 sum, shifted right by the
 * scale bits (read modulo 64, as Java's >>> does). */
static void tml_signal_filter_bank_sqrt(const uint64_t *in, const int32_t *scale_bits, int32_t n,
                                        uint32_t *out) {
  int32_t i;
  int shift = *scale_bits & 63;
  for (i = 0; i < n; i++) {
    out[i] = (uint32_t)((uint64_t)tml_sig_sqrt64(in[i]) >> shift);
  }
}
