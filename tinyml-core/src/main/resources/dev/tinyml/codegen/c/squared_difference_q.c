/* SQUARED_DIFFERENCE int8 (element_bytes 1) or int16 (2) with broadcasting: both inputs shifted
 * left by left_shift and rescaled to half the larger input scale, subtracted, squared (wrapping as
 * the interpreter's int arithmetic), rescaled to the output and clamped to the type's range. */
typedef struct {
  int32_t input1_offset, input2_offset, output_offset, left_shift;
  int32_t input1_multiplier, input1_shift, input2_multiplier, input2_shift;
  int32_t output_multiplier, output_shift;
} tml_squared_difference_q_params;

static void tml_squared_difference_q(const tml_squared_difference_q_params *p,
                                     int32_t element_bytes, const tml_broadcast *bc,
                                     const void *x, const void *y, void *out) {
  const int32_t lo = element_bytes == 1 ? INT8_MIN : INT16_MIN;
  const int32_t hi = element_bytes == 1 ? INT8_MAX : INT16_MAX;
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const int32_t a = element_bytes == 1 ? ((const int8_t *)x)[w.x] : ((const int16_t *)x)[w.x];
    const int32_t b = element_bytes == 1 ? ((const int8_t *)y)[w.y] : ((const int16_t *)y)[w.y];
    const int32_t s1 = tml_mbqm_lt1(tml_shl(p->input1_offset + a, p->left_shift),
                                    p->input1_multiplier, p->input1_shift);
    const int32_t s2 = tml_mbqm_lt1(tml_shl(p->input2_offset + b, p->left_shift),
                                    p->input2_multiplier, p->input2_shift);
    const uint32_t d = (uint32_t)s1 - (uint32_t)s2;
    const int32_t v = tml_mbqm((int32_t)(d * d), p->output_multiplier, p->output_shift) +
                      p->output_offset;
    if (element_bytes == 1) {
      ((int8_t *)out)[w.e] = (int8_t)tml_clamp(v, lo, hi);
    } else {
      ((int16_t *)out)[w.e] = (int16_t)tml_clamp(v, lo, hi);
    }
  }
}
