/* MAX_POOL_2D int8: windows clipped to the image. */
static void tml_max_pool_s8(const tml_window_params *p, const int8_t *in, int8_t *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    int32_t c, ky, kx;
    for (c = 0; c < p->out_c; c++) {
      int32_t max = -128;
      for (ky = w.ky0; ky < w.ky1; ky++) {
        for (kx = w.kx0; kx < w.kx1; kx++) {
          const int32_t v = in[tml_window_at(p, &w, ky, kx) + c];
          max = v > max ? v : max;
        }
      }
      out[w.pixel * p->out_c + c] = (int8_t)tml_clamp(max, p->act_min, p->act_max);
    }
  }
}
