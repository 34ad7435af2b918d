/* CONV_2D int8, per-channel multipliers, NHWC input, OHWI filter, in TFLM's reference loop
 * order: every output pixel, every output channel, taps inside the image only. While writing
 * output row y it reads input rows from y * stride_h - pad_h on, so the planner may place the
 * output over input rows already consumed. For 1x1 filters without padding the generator folds
 * input_offset * sum(filter) into the bias and passes input_offset 0 (integer sums are exact in any
 * order) and sets pointwise. */
typedef struct {
  int32_t in_h, in_w, in_c, out_h, out_w, out_c, k_h, k_w, filter_in_c;
  int32_t stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w;
  int32_t batches;
  int32_t input_offset, output_offset, act_min, act_max, pointwise;
} tml_conv_s8_params;

static void tml_conv_s8(const tml_conv_s8_params *p, const int8_t *in, const int8_t *filter,
                        const int32_t *bias, const int32_t *mult, const int8_t *shift,
                        int8_t *out) {
  const int32_t groups = p->in_c / p->filter_in_c;
  const int32_t per_group = p->out_c / groups;
  const int32_t fic = p->filter_in_c;
  const int32_t input_offset = p->input_offset;
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
        int8_t *o = out + ((b * p->out_h + oy) * p->out_w + ox) * p->out_c;
        while (kx0 < p->k_w && ix0 + p->dilation_w * kx0 < 0) kx0++;
        while (kx1 > 0 && ix0 + p->dilation_w * (kx1 - 1) >= p->in_w) kx1--;
        for (oc = 0; oc < p->out_c; oc++) {
          const int32_t group_base = (oc / per_group) * fic;
          int32_t acc = 0;
          int32_t v;
          if (p->pointwise) {
            /* 1x1 unpadded filter, offset folded into the bias: the window is one pixel. */
            const int8_t *x = in + ((b * p->in_h + iy0) * p->in_w + ix0) * p->in_c + group_base;
            const int8_t *fk = filter + oc * fic;
            for (ic = 0; ic < fic; ic++) acc += fk[ic] * x[ic];
          } else {
            for (ky = ky0; ky < ky1; ky++) {
              const int32_t row = (b * p->in_h + iy0 + p->dilation_h * ky) * p->in_w;
              const int8_t *f = filter + ((oc * p->k_h + ky) * p->k_w) * fic;
              for (kx = kx0; kx < kx1; kx++) {
                const int8_t *x = in + (row + ix0 + p->dilation_w * kx) * p->in_c + group_base;
                const int8_t *fk = f + kx * fic;
                for (ic = 0; ic < fic; ic++) acc += fk[ic] * (x[ic] + input_offset);
              }
            }
          }
          if (bias) acc += bias[oc];
          v = tml_mbqm(acc, mult[oc], shift[oc]) + p->output_offset;
          o[oc] = (int8_t)tml_clamp(v, p->act_min, p->act_max);
        }
      }
    }
  }
}
