/* MAX_POOL_2D int8: windows clipped to the image. */
static void tml_max_pool_s8(const tml_pool_params *p, const int8_t *in, int8_t *out) {
  const int32_t c = p->channels;
  int32_t b, oy, ox, ch, fy, fx;
  for (b = 0; b < p->batches; b++) {
    for (oy = 0; oy < p->out_h; oy++) {
      const int32_t iy0 = oy * p->stride_h - p->pad_h;
      const int32_t fy0 = iy0 < 0 ? -iy0 : 0;
      const int32_t fy1 = p->filter_h < p->in_h - iy0 ? p->filter_h : p->in_h - iy0;
      for (ox = 0; ox < p->out_w; ox++) {
        const int32_t ix0 = ox * p->stride_w - p->pad_w;
        const int32_t fx0 = ix0 < 0 ? -ix0 : 0;
        const int32_t fx1 = p->filter_w < p->in_w - ix0 ? p->filter_w : p->in_w - ix0;
        int8_t *o = out + ((b * p->out_h + oy) * p->out_w + ox) * c;
        for (ch = 0; ch < c; ch++) {
          int32_t max = -128;
          for (fy = fy0; fy < fy1; fy++) {
            const int8_t *x = in + ((b * p->in_h + iy0 + fy) * p->in_w + ix0) * c + ch;
            for (fx = fx0; fx < fx1; fx++) max = x[fx * c] > max ? x[fx * c] : max;
          }
          o[ch] = (int8_t)tml_clamp(max, p->act_min, p->act_max);
        }
      }
    }
  }
}
