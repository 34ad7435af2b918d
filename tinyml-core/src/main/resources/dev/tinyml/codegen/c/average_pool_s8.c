/* AVERAGE_POOL_2D int8: windows clipped to the image, (sum +- count/2) / count truncating. */
static void tml_average_pool_s8(const tml_window_params *p, const int8_t *in, int8_t *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    const int32_t count = (w.ky1 - w.ky0) * (w.kx1 - w.kx0);
    int32_t c, ky, kx;
    for (c = 0; c < p->out_c; c++) {
      int32_t acc = 0;
      for (ky = w.ky0; ky < w.ky1; ky++) {
        for (kx = w.kx0; kx < w.kx1; kx++) acc += in[tml_window_at(p, &w, ky, kx) + c];
      }
      acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
      out[w.pixel * p->out_c + c] = (int8_t)tml_clamp(acc, p->act_min, p->act_max);
    }
  }
}
