/* TRANSPOSE_CONV float32: per output element the products of its taps summed in the reference
 * scatter's order (transpose_conv.h), then the bias, then the clamp. */
static void tml_transpose_conv_f32(const tml_window_params *p, float lo, float hi, const float *in,
                                   const float *filter, const float *bias, float *out) {
  int32_t b, oy, ox, oc, fy, fx, ic, x, f;
  for (b = 0; b < p->batches; b++) {
    for (oy = 0; oy < p->out_h; oy++) {
      for (ox = 0; ox < p->out_w; ox++) {
        for (oc = 0; oc < p->out_c; oc++) {
          float total = 0.0f;
          for (fy = p->k_h - 1; fy >= 0; fy--) {
            for (fx = p->k_w - 1; fx >= 0; fx--) {
              if (!tml_transpose_tap(p, b, oy, ox, oc, fy, fx, &x, &f)) continue;
              for (ic = 0; ic < p->in_c; ic++) total += in[x + ic] * filter[f + ic];
            }
          }
          *out++ = tml_window_f32(total, bias, oc, lo, hi);
        }
      }
    }
  }
}
