/* LEAKY_RELU int8: identity multiplier for x >= 0, alpha multiplier (sign kept apart) below. */
typedef struct {
  int32_t input_zero_point, output_zero_point, identity_multiplier, identity_shift;
  int32_t alpha_multiplier, alpha_shift;
} tml_leaky_relu_s8_params;

static void tml_leaky_relu_s8(const tml_leaky_relu_s8_params *p, const int8_t *in, int8_t *out,
                              int32_t n) {
  const int32_t negative = p->alpha_multiplier < 0;
  const int32_t alpha = negative ? -p->alpha_multiplier : p->alpha_multiplier;
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t x = in[i] - p->input_zero_point;
    int32_t v = p->output_zero_point;
    if (x >= 0) {
      v += tml_mbqm(x, p->identity_multiplier, p->identity_shift);
    } else {
      const int32_t scaled = tml_mbqm(x, alpha, p->alpha_shift);
      v += negative ? -scaled : scaled;
    }
    out[i] = (int8_t)tml_clamp(v, -128, 127);
  }
}
