/* MEAN int8 over any axes of a tensor of rank <= 4: per output, the sum of its inputs minus zp *
 * count, times one multiplier (1/count folded in), plus the output zero point. */
typedef struct {
  tml_broadcast kept, reduced;
  int32_t count, input_zero_point, output_zero_point, multiplier, shift;
} tml_mean_s8_params;

static void tml_mean_s8(const tml_mean_s8_params *p, const int8_t *in, int8_t *out) {
  tml_walk o = {-1};
  while (tml_walk_next(&p->kept, &o)) {
    tml_walk r = {-1};
    int32_t sum = 0;
    int32_t v;
    while (tml_walk_next(&p->reduced, &r)) sum += in[o.x + r.x];
    v = tml_mbqm(sum - p->input_zero_point * p->count, p->multiplier, p->shift) +
        p->output_zero_point;
    out[o.e] = (int8_t)tml_clamp(v, -128, 127);
  }
}
