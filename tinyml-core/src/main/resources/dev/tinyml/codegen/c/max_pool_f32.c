/* MAX_POOL_2D float32. */
static void tml_max_pool_f32(const tml_pool_params *p, const float *in, float *out) {
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
        float *o = out + ((b * p->out_h + oy) * p->out_w + ox) * c;
        for (ch = 0; ch < c; ch++) {
          float max = -3.40282347e+38f;
          for (fy = fy0; fy < fy1; fy++) {
            for (fx = fx0; fx < fx1; fx++) {
              const float v = in[((b * p->in_h + iy0 + fy) * p->in_w + ix0 + fx) * c + ch];
              max = max < v ? v : max;
            }
          }
          o[ch] = tml_clampf(max, p->float_min, p->float_max);
        }
      }
    }
  }
}
