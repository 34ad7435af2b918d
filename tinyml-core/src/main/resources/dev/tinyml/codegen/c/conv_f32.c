/* CONV_2D float32: taps summed in filter row, column, input channel order, then the bias. */
static void tml_conv_f32(const tml_conv_f32_params *p, const float *in, const float *filter,
                         const float *bias, float *out) {
  const int32_t groups = p->in_c / p->filter_in_c;
  const int32_t per_group = p->out_c / groups;
  const int32_t fic = p->filter_in_c;
  int32_t b, oy, ox, oc, ky, kx, ic;
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
        for (oc = 0; oc < p->out_c; oc++) {
          const int32_t group_base = (oc / per_group) * fic;
          float total = 0.0f;
          for (ky = ky0; ky < ky1; ky++) {
            const int32_t row = (b * p->in_h + iy0 + p->dilation_h * ky) * p->in_w;
            for (kx = kx0; kx < kx1; kx++) {
              const float *x = in + (row + ix0 + p->dilation_w * kx) * p->in_c + group_base;
              const float *f = filter + ((oc * p->k_h + ky) * p->k_w + kx) * fic;
              for (ic = 0; ic < fic; ic++) total += x[ic] * f[ic];
            }
          }
          o[oc] = tml_clampf(total + (bias ? bias[oc] : 0.0f), p->float_min, p->float_max);
        }
      }
    }
  }
}
