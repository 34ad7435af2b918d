/* SUM int16 over any axes of a tensor of rank <= 4: the raw sum minus zp * count, rescaled from
 * the input's to the output's scale, plus the output zero point (int8 SUM is MEAN's kernel with
 * this rescaling). */
static void tml_sum_s16(const tml_rescaled_sum_params *p, const int16_t *in, int16_t *out) {
  tml_rescaled_sums(p, 2, in, out);
}
