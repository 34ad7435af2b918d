/* AVERAGE_POOL_2D float32: the float sum of the taps inside the image divided by their count
 * (exact as a float). */
static void tml_average_pool_f32(const tml_window_params *p, float lo, float hi, const float *in,
                                 float *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    const float count = (float)((w.ky1 - w.ky0) * (w.kx1 - w.kx0));
    int32_t c, ky, kx;
    for (c = 0; c < p->out_c; c++) {
      float total = 0.0f;
      for (ky = w.ky0; ky < w.ky1; ky++) {
        for (kx = w.kx0; kx < w.kx1; kx++) total += in[tml_window_at(p, &w, ky, kx) + c];
      }
      out[w.pixel * p->out_c + c] = tml_clampf(total / count, lo, hi);
    }
  }
}
