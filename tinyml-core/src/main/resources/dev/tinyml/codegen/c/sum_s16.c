/* SUM int16 over any axes of a tensor of rank <= 4: the raw sum minus zp * count, rescaled from
 * the input's to the output's scale, plus the output zero point (int8 SUM is MEAN's kernel with
 * this rescaling). */
typedef struct {
  tml_broadcast kept, reduced;
  int32_t count, input_zero_point, output_zero_point, multiplier, shift;
} tml_sum_s16_params;

static void tml_sum_s16(const tml_sum_s16_params *p, const int16_t *in, int16_t *out) {
  tml_walk o = {-1};
  while (tml_walk_next(&p->kept, &o)) {
    tml_walk r = {-1};
    int32_t sum = 0;
    int32_t v;
    while (tml_walk_next(&p->reduced, &r)) sum = tml_wrapping_add(sum, in[o.x + r.x]);
    v = tml_mbqm(sum - p->input_zero_point * p->count, p->multiplier, p->shift) +
        p->output_zero_point;
    out[o.e] = (int16_t)tml_clamp(v, INT16_MIN, INT16_MAX);
  }
}
