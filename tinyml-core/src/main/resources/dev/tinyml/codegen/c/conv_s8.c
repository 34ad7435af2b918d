/* CONV_2D int8, per-channel multipliers, NHWC input, OHWI filter (grouped when in_c is a multiple
 * of filter_in_c), in TFLM's reference loop order: every output pixel, every output channel, taps
 * inside the image only. For 1x1 filters without padding the generator folds input_offset *
 * sum(filter) into the bias, passes input_offset 0 (integer sums are exact in any order) and sets
 * pointwise: the window is then the one pixel under the output. */
static void tml_conv_s8(const tml_window_params *p, const int8_t *in, const int8_t *filter,
                        const int32_t *bias, const int32_t *mult, const int8_t *shift,
                        int8_t *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    int32_t oc, ky, kx, ic;
    for (oc = 0; oc < p->out_c; oc++) {
      const int32_t group_base = tml_window_group(p, oc);
      int32_t acc = 0;
      if (p->pointwise) {
        const int8_t *x = in + tml_window_at(p, &w, 0, 0) + group_base;
        const int8_t *f = filter + oc * p->filter_in_c;
        for (ic = 0; ic < p->filter_in_c; ic++) acc += f[ic] * x[ic];
      } else {
        for (ky = w.ky0; ky < w.ky1; ky++) {
          for (kx = w.kx0; kx < w.kx1; kx++) {
            const int8_t *x = in + tml_window_at(p, &w, ky, kx) + group_base;
            const int8_t *f = filter + ((oc * p->k_h + ky) * p->k_w + kx) * p->filter_in_c;
            for (ic = 0; ic < p->filter_in_c; ic++) acc += f[ic] * (x[ic] + p->input_offset);
          }
        }
      }
      out[w.pixel * p->out_c + oc] = tml_window_s8(p, acc, bias, mult, shift, oc);
    }
  }
}
