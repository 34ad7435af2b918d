/* DEPTHWISE_CONV_2D float32: each output sums its taps in filter row, column order, then adds
 * the bias; output channel c reads input channel c / depth multiplier (filter_in_c). */
static void tml_depthwise_conv_f32(const tml_window_params *p, float lo, float hi,
                                   const float *in, const float *filter, const float *bias,
                                   float *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    int32_t c, ky, kx;
    for (c = 0; c < p->out_c; c++) {
      float acc = 0.0f;
      for (ky = w.ky0; ky < w.ky1; ky++) {
        for (kx = w.kx0; kx < w.kx1; kx++) {
          acc += in[tml_window_at(p, &w, ky, kx) + c / p->filter_in_c] *
                 filter[(ky * p->k_w + kx) * p->out_c + c];
        }
      }
      out[w.pixel * p->out_c + c] = tml_window_f32(acc, bias, c, lo, hi);
    }
  }
}
