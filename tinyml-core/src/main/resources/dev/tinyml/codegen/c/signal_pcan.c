/* SignalPCAN: each channel times the gain its noise estimate reads from the table (sign-extended
 * to uint32 as TFLM widens it), shifted right, then compressed. */
static void tml_signal_pcan(const uint32_t *in, const uint32_t *noise, const int16_t *lut,
                            int32_t snr_shift, int32_t n, uint32_t *out) {
  int32_t i;
  for (i = 0; i < n; i++) {
    uint64_t gain = (uint32_t)(int32_t)tml_sig_pcan_gain(noise[i], lut);
    uint32_t snr = (uint32_t)(((uint64_t)in[i] * gain) >> snr_shift);
    out[i] = tml_sig_pcan_shrink(snr);
  }
}
