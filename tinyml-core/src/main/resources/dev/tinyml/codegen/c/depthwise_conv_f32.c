/* DEPTHWISE_CONV_2D float32: each output sums its taps in filter row, column order, then adds
 * the bias; filter_in_c holds the depth multiplier. */
static void tml_depthwise_conv_f32(const tml_conv_f32_params *p, const float *in,
                                   const float *filter, const float *bias, float *out) {
  const int32_t dm = p->filter_in_c;
  int32_t b, oy, ox, ic, m, ky, kx;
  for (b = 0; b < p->batches; b++) {
    for (oy = 0; oy < p->out_h; oy++) {
      const int32_t iy0 = oy * p->stride_h - p->pad_h;
      int32_t ky0 = 0, ky1 = p->k_h;
      while (ky0 < p->k_h && iy0 + p->dilation_h * ky0 < 0) ky0++;
      while (ky1 > 0 && iy0 + p->dilation_h * (ky1 - 1) >= p->in_h) ky1--;
      for (ox = 0; ox < p->out_w; ox++) {
        const int32_t ix0 = ox * p->stride_w - p->pad_w;
        int32_t kx0 = 0, kx1 = p->k_w;
        float *o = out + ((b * p->out_h + oy) * p->out_w + ox) * p->out_c;
        while (kx0 < p->k_w && ix0 + p->dilation_w * kx0 < 0) kx0++;
        while (kx1 > 0 && ix0 + p->dilation_w * (kx1 - 1) >= p->in_w) kx1--;
        for (ic = 0; ic < p->in_c; ic++) {
          for (m = 0; m < dm; m++) {
            const int32_t oc = ic * dm + m;
            float acc = 0.0f;
            for (ky = ky0; ky < ky1; ky++) {
              const int32_t row = (b * p->in_h + iy0 + p->dilation_h * ky) * p->in_w;
              for (kx = kx0; kx < kx1; kx++) {
                acc += in[(row + ix0 + p->dilation_w * kx) * p->in_c + ic] *
                       filter[(ky * p->k_w + kx) * p->out_c + oc];
              }
            }
            o[oc] = tml_clampf(acc + (bias ? bias[oc] : 0.0f), p->float_min, p->float_max);
          }
        }
      }
    }
  }
}
