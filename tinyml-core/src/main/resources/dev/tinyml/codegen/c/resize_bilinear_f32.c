/* RESIZE_BILINEAR float32: the four weighted corners summed in TFLite's order, plus its zero
 * rounding offset (which turns -0 into +0). */
static void tml_resize_bilinear_f32(const tml_resize_params *g, const int32_t *ys, const float *wy,
                                    const int32_t *xs, const float *wx, const float *in,
                                    float *out) {
  int32_t b, y, x, c, o = 0;
  for (b = 0; b < g->batches; b++) {
    for (y = 0; y < g->out_h; y++) {
      const float dy = wy[y];
      const int32_t r0 = (b * g->in_h + ys[y]) * g->in_w;
      const int32_t r1 = (b * g->in_h + ys[g->out_h + y]) * g->in_w;
      for (x = 0; x < g->out_w; x++) {
        const int32_t x0 = xs[x];
        const int32_t x1 = xs[g->out_w + x];
        const float dx = wx[x];
        for (c = 0; c < g->depth; c++) {
          const float v00 = in[(r0 + x0) * g->depth + c];
          const float v10 = in[(r1 + x0) * g->depth + c];
          const float v01 = in[(r0 + x1) * g->depth + c];
          const float v11 = in[(r1 + x1) * g->depth + c];
          out[o++] = v00 * (1.0f - dy) * (1.0f - dx) + v10 * dy * (1.0f - dx) +
                     v01 * (1.0f - dy) * dx + v11 * dy * dx + 0.0f;
        }
      }
    }
  }
}
