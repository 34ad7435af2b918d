/* LOGISTIC int8 (output scale 1/256, zp -128; tanh 0) and TANH int8 (scale 1/128, zp 0; tanh 1):
 * input rescaled into Q4.27, gemmlowp logistic or tanh, rounded to Q0.8 or Q0.7; inputs beyond
 * the radius saturate. Element i from input i, in order. */
typedef struct {
  int32_t input_zero_point, input_range_radius, input_multiplier, input_left_shift, tanh;
} tml_sigmoid_s8_params;

static void tml_sigmoid_s8(const tml_sigmoid_s8_params *p, const int8_t *in, int8_t *out,
                           int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t x = in[i] - p->input_zero_point;
    if (x <= -p->input_range_radius) {
      out[i] = -128;
    } else if (x >= p->input_range_radius) {
      out[i] = 127;
    } else {
      const int32_t q4 = tml_mbqm(x, p->input_multiplier, p->input_left_shift);
      const int32_t v = p->tanh ? tml_rdbp(tml_tanh_q(q4, 4), 24)
                                : tml_rdbp(tml_logistic_q(q4, 4), 23) - 128;
      out[i] = (int8_t)tml_clamp(v, -128, 127);
    }
  }
}
