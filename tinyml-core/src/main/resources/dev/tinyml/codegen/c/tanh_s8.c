/* TANH int8 (output scale 1/128, zp 0): like LOGISTIC with gemmlowp tanh, rounded to Q0.7. */
typedef struct {
  int32_t input_zero_point, input_range_radius, input_multiplier, input_left_shift;
} tml_tanh_s8_params;

static void tml_tanh_s8(const tml_tanh_s8_params *p, const int8_t *in, int8_t *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t x = in[i] - p->input_zero_point;
    if (x <= -p->input_range_radius) {
      out[i] = -128;
    } else if (x >= p->input_range_radius) {
      out[i] = 127;
    } else {
      const int32_t q4 = tml_mbqm(x, p->input_multiplier, p->input_left_shift);
      out[i] = (int8_t)tml_clamp(tml_rdbp(tml_tanh_q(q4, 4), 24), -128, 127);
    }
  }
}
