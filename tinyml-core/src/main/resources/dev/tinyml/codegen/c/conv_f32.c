/* CONV_2D float32: per output, the products summed tap by tap (filter row, column, input
 * channel order), then the bias, then the clamp. */
static void tml_conv_f32(const tml_window_params *p, float lo, float hi, const float *in,
                         const float *filter, const float *bias, float *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    int32_t oc, ky, kx, ic;
    for (oc = 0; oc < p->out_c; oc++) {
      float total = 0.0f;
      for (ky = w.ky0; ky < w.ky1; ky++) {
        for (kx = w.kx0; kx < w.kx1; kx++) {
          const float *x = in + tml_window_at(p, &w, ky, kx) + tml_window_group(p, oc);
          const float *f = filter + ((oc * p->k_h + ky) * p->k_w + kx) * p->filter_in_c;
          for (ic = 0; ic < p->filter_in_c; ic++) total += x[ic] * f[ic];
        }
      }
      out[w.pixel * p->out_c + oc] = tml_window_f32(total, bias, oc, lo, hi);
    }
  }
}
