/* MEAN int8 over any axes of a tensor of rank <= 4: per output, the sum of its inputs minus zp *
 * count, times one multiplier (1/count folded in), plus the output zero point. */
typedef tml_rescaled_sum_params tml_mean_s8_params;

static void tml_mean_s8(const tml_mean_s8_params *p, const int8_t *in, int8_t *out) {
  tml_rescaled_sums(p, 1, in, out);
}
