/* ADD and SUB int8: inputs shifted left by left_shift, each rescaled to twice the larger input
 * scale, combined, rescaled to the output. sign is +1 for ADD, -1 for SUB. */
typedef struct {
  int32_t input1_offset, input2_offset, output_offset, left_shift;
  int32_t input1_multiplier, input1_shift, input2_multiplier, input2_shift;
  int32_t output_multiplier, output_shift, act_min, act_max, sign;
} tml_add_s8_params;

static void tml_add_s8(const tml_add_s8_params *p, const tml_broadcast *bc, const int8_t *x,
                       const int8_t *y, int8_t *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const int32_t s1 = tml_shl(p->input1_offset + x[w.x], p->left_shift);
    const int32_t s2 = tml_shl(p->input2_offset + y[w.y], p->left_shift);
    const int32_t a = tml_mbqm_lt1(s1, p->input1_multiplier, p->input1_shift);
    const int32_t b = tml_mbqm_lt1(s2, p->input2_multiplier, p->input2_shift);
    const int32_t raw = p->sign > 0 ? a + b : a - b;
    const int32_t v = tml_mbqm_lt1(raw, p->output_multiplier, p->output_shift) + p->output_offset;
    out[w.e] = (int8_t)tml_clamp(v, p->act_min, p->act_max);
  }
}
