/* MAX_POOL_2D float32: windows clipped to the image, then the clamp. */
static void tml_max_pool_f32(const tml_window_params *p, float lo, float hi, const float *in,
                             float *out) {
  tml_window w = {-1};
  while (tml_window_next(p, &w)) {
    int32_t c, ky, kx;
    for (c = 0; c < p->out_c; c++) {
      float max = -3.40282347e+38f;
      for (ky = w.ky0; ky < w.ky1; ky++) {
        for (kx = w.kx0; kx < w.kx1; kx++) {
          const float v = in[tml_window_at(p, &w, ky, kx) + c];
          max = max < v ? v : max;
        }
      }
      out[w.pixel * p->out_c + c] = tml_clampf(max, lo, hi);
    }
  }
}
