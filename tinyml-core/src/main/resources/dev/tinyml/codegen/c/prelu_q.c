/* PRELU int8 (element_bytes 1) or int16 (2) input with an int8 alpha, broadcast: a non-negative
 * shifted input is rescaled by multiplier1, a negative one multiplied by the shifted alpha and
 * rescaled by multiplier2; plus the output zero point, clamped to the type's range. */
typedef struct {
  int32_t input_offset, alpha_offset, output_offset;
  int32_t multiplier1, shift1, multiplier2, shift2;
} tml_prelu_q_params;

static void tml_prelu_q(const tml_prelu_q_params *p, int32_t element_bytes,
                        const tml_broadcast *bc, const void *x, const int8_t *alpha, void *out) {
  const int32_t lo = element_bytes == 1 ? INT8_MIN : INT16_MIN;
  const int32_t hi = element_bytes == 1 ? INT8_MAX : INT16_MAX;
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const int32_t input =
        p->input_offset +
        (element_bytes == 1 ? ((const int8_t *)x)[w.x] : ((const int16_t *)x)[w.x]);
    const int32_t v =
        (input >= 0 ? tml_mbqm(input, p->multiplier1, p->shift1)
                    : tml_mbqm(input * (p->alpha_offset + alpha[w.y]), p->multiplier2, p->shift2)) +
        p->output_offset;
    if (element_bytes == 1) {
      ((int8_t *)out)[w.e] = (int8_t)tml_clamp(v, lo, hi);
    } else {
      ((int16_t *)out)[w.e] = (int16_t)tml_clamp(v, lo, hi);
    }
  }
}
