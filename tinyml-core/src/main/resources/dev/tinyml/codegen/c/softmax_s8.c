/* SOFTMAX int8 input along the last axis into int8 (scale 1/256, zp -128) or int16 (scale
 * 1/65536, zp -32768): differences to the row maximum rescaled into Q5.26, exponentials summed
 * in Q12.19, normalised by the reciprocal of the sum. Exactly one of out8 / out16 is non-null. */
typedef struct {
  int32_t rows, depth, input_multiplier, input_left_shift, diff_min;
} tml_softmax_s8_params;

static void tml_softmax_s8(const tml_softmax_s8_params *p, const int8_t *in, int8_t *out8,
                           int16_t *out16) {
  const int32_t out_bits = out8 ? 8 : 16;
  int32_t r, c;
  for (r = 0; r < p->rows; r++) {
    const int8_t *x = in + r * p->depth;
    int32_t max = -128;
    int32_t sum = 0;
    int32_t headroom, exponent, scale;
    for (c = 0; c < p->depth; c++) max = x[c] > max ? x[c] : max;
    for (c = 0; c < p->depth; c++) {
      const int32_t diff = x[c] - max;
      if (diff >= p->diff_min) {
        const int32_t rescaled = tml_mbqm_gt1(diff, p->input_multiplier, p->input_left_shift);
        sum += tml_rdbp(tml_exp_on_negative_values(rescaled, 5), 12);
      }
    }
    headroom = tml_clz32((uint32_t)sum);
    exponent = 12 - headroom + 31 - out_bits;
    scale = tml_one_over_one_plus_x((int32_t)(((uint32_t)sum << headroom) - 0x80000000u));
    for (c = 0; c < p->depth; c++) {
      const int32_t diff = x[c] - max;
      int32_t v = 0;
      if (diff >= p->diff_min) {
        const int32_t rescaled = tml_mbqm_gt1(diff, p->input_multiplier, p->input_left_shift);
        v = tml_rdbp(tml_srdhm(scale, tml_exp_on_negative_values(rescaled, 5)), exponent);
      }
      if (out8) {
        out8[r * p->depth + c] = (int8_t)tml_clamp(v - 128, -128, 127);
      } else {
        out16[r * p->depth + c] = (int16_t)tml_clamp(v - 32768, -32768, 32767);
      }
    }
  }
}
