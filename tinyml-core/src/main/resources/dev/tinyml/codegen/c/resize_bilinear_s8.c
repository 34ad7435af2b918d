/* RESIZE_BILINEAR int8 on raw values: weights in Q10, the 64-bit sum rounded half away from zero
 * to Q0 (the output shares the input's quantization). */
static void tml_resize_bilinear_s8(const tml_resize_params *g, const int32_t *ys, const int32_t *wy,
                                   const int32_t *xs, const int32_t *wx, const int8_t *in,
                                   int8_t *out) {
  int32_t b, y, x, c, o = 0;
  for (b = 0; b < g->batches; b++) {
    for (y = 0; y < g->out_h; y++) {
      const int64_t fy = wy[y];
      const int32_t r0 = (b * g->in_h + ys[y]) * g->in_w;
      const int32_t r1 = (b * g->in_h + ys[g->out_h + y]) * g->in_w;
      for (x = 0; x < g->out_w; x++) {
        const int32_t x0 = xs[x];
        const int32_t x1 = xs[g->out_w + x];
        const int64_t fx = wx[x];
        for (c = 0; c < g->depth; c++) {
          const int64_t sum = (int64_t)in[(r0 + x0) * g->depth + c] * (1024 - fy) * (1024 - fx) +
                              (int64_t)in[(r1 + x0) * g->depth + c] * fy * (1024 - fx) +
                              (int64_t)in[(r0 + x1) * g->depth + c] * (1024 - fy) * fx +
                              (int64_t)in[(r1 + x1) * g->depth + c] * fy * fx;
          const int64_t round = sum > 0 ? ((int64_t)1 << 19) : -((int64_t)1 << 19);
          out[o++] = (int8_t)((sum + round) / ((int64_t)1 << 20));
        }
      }
    }
  }
}
