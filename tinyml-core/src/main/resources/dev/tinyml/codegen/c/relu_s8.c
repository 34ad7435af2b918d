/* RELU int8: requantized from input to output, clamped below at the output's zero. */
typedef struct {
  int32_t input_zero_point, output_zero_point, multiplier, shift, act_min, act_max;
} tml_relu_s8_params;

static void tml_relu_s8(const tml_relu_s8_params *p, const int8_t *in, int8_t *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t v =
        p->output_zero_point + tml_mbqm(in[i] - p->input_zero_point, p->multiplier, p->shift);
    out[i] = (int8_t)tml_clamp(v, p->act_min, p->act_max);
  }
}
