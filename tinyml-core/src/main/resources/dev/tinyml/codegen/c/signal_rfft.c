/* SignalRfft (int16): each frame of the n samples, zero-padded to the FFT size in work, through
 * kissfft's Q15 real FFT into size/2 + 1 interleaved (real, imaginary) bins. */
static void tml_signal_rfft_s16(const tml_sig_fft *f, const int16_t *in, int32_t frame, int32_t n,
                                int16_t *work, int16_t *buf_re, int16_t *buf_im, int16_t *out) {
  int32_t start, o, i;
  for (start = 0, o = 0; start + frame <= n; start += frame, o += f->size + 2) {
    for (i = 0; i < frame; i++) {
      work[i] = in[start + i];
    }
    for (; i < f->size; i++) {
      work[i] = 0;
    }
    tml_sig_rfft(f, work, buf_re, buf_im, out + o, out + o + 1, 2);
  }
}
