/* DEPTHWISE_CONV_2D int8, per-channel multipliers, filter [1, kH, kW, in_c * depth_multiplier]:
 * output channel c reads input channel c / depth_multiplier. Reference loop order. */
static void tml_depthwise_conv_s8(const tml_window_params *p, const int8_t *in,
                                  const int8_t *filter, const int32_t *bias,
                                  const int32_t *mult, const int8_t *shift, int8_t *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    int32_t c, ky, kx;
    for (c = 0; c < p->out_c; c++) {
      const int32_t ic = c / p->filter_in_c;
      int32_t acc = 0;
      for (ky = w.ky0; ky < w.ky1; ky++) {
        for (kx = w.kx0; kx < w.kx1; kx++) {
          acc += filter[(ky * p->k_w + kx) * p->out_c + c] *
                 (in[tml_window_at(p, &w, ky, kx) + ic] + p->input_offset);
        }
      }
      out[w.pixel * p->out_c + c] = tml_window_s8(p, acc, bias, mult, shift, c);
    }
  }
}
