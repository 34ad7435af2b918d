/* MUL int8: zero-point-corrected product, one multiplier. */
typedef struct {
  int32_t input1_offset, input2_offset, output_offset;
  int32_t output_multiplier, output_shift, act_min, act_max;
} tml_mul_s8_params;

static void tml_mul_s8(const tml_mul_s8_params *p, const tml_broadcast *bc, const int8_t *x,
                       const int8_t *y, int8_t *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const int32_t prod = (p->input1_offset + x[w.x]) * (p->input2_offset + y[w.y]);
    const int32_t v = p->output_offset + tml_mbqm(prod, p->output_multiplier, p->output_shift);
    out[w.e] = (int8_t)tml_clamp(v, p->act_min, p->act_max);
  }
}
