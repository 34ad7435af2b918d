/* DEPTHWISE_CONV_2D int8, per-channel multipliers, filter [1, kH, kW, in_c * depth_multiplier];
 * output channel ic * depth_multiplier + m reads input channel ic. Reference loop order (output
 * rows in order), so it may run over already consumed input rows. */
typedef struct {
  int32_t in_h, in_w, in_c, out_h, out_w, out_c, k_h, k_w, depth_multiplier;
  int32_t stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w;
  int32_t batches;
  int32_t input_offset, output_offset, act_min, act_max;
} tml_depthwise_conv_s8_params;

static void tml_depthwise_conv_s8(const tml_depthwise_conv_s8_params *p, const int8_t *in,
                                  const int8_t *filter, const int32_t *bias,
                                  const int32_t *mult, const int8_t *shift, int8_t *out) {
  const int32_t dm = p->depth_multiplier;
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
        int8_t *o = out + ((b * p->out_h + oy) * p->out_w + ox) * p->out_c;
        while (kx0 < p->k_w && ix0 + p->dilation_w * kx0 < 0) kx0++;
        while (kx1 > 0 && ix0 + p->dilation_w * (kx1 - 1) >= p->in_w) kx1--;
        for (ic = 0; ic < p->in_c; ic++) {
          for (m = 0; m < dm; m++) {
            const int32_t oc = ic * dm + m;
            int32_t acc = 0;
            int32_t v;
            for (ky = ky0; ky < ky1; ky++) {
              const int32_t row = (b * p->in_h + iy0 + p->dilation_h * ky) * p->in_w;
              for (kx = kx0; kx < kx1; kx++) {
                const int32_t ix = ix0 + p->dilation_w * kx;
                acc += filter[(ky * p->k_w + kx) * p->out_c + oc] *
                       (in[(row + ix) * p->in_c + ic] + p->input_offset);
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
}
