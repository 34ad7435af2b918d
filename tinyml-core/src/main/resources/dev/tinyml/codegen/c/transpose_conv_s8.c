/* TRANSPOSE_CONV int8 with per-channel multipliers: per output element the sum of (input +
 * input_offset) * filter over its taps (transpose_conv.h), then bias, requantization and clamp. */
static void tml_transpose_conv_s8(const tml_window_params *p, const int8_t *in,
                                  const int8_t *filter, const int32_t *bias, const int32_t *mult,
                                  const int8_t *shift, int8_t *out) {
  int32_t b, oy, ox, oc, fy, fx, ic, x, f;
  for (b = 0; b < p->batches; b++) {
    for (oy = 0; oy < p->out_h; oy++) {
      for (ox = 0; ox < p->out_w; ox++) {
        for (oc = 0; oc < p->out_c; oc++) {
          int32_t acc = 0;
          for (fy = p->k_h - 1; fy >= 0; fy--) {
            for (fx = p->k_w - 1; fx >= 0; fx--) {
              if (!tml_transpose_tap(p, b, oy, ox, oc, fy, fx, &x, &f)) continue;
              for (ic = 0; ic < p->in_c; ic++) acc += (in[x + ic] + p->input_offset) * filter[f + ic];
            }
          }
          *out++ = tml_window_s8(p, acc, bias, mult, shift, oc);
        }
      }
    }
  }
}
