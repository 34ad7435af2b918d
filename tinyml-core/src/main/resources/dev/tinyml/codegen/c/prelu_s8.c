/* PRELU of int8 (element_bytes 1) or int16 (2) input with int8 alpha broadcast, as TFLM: the
 * non-negative side rescaled by multiplier 1, the negative side's product with alpha by
 * multiplier 2, then the output offset and the type's clamp. */
typedef struct {
  int32_t input_offset, alpha_offset, output_offset, multiplier1, shift1, multiplier2, shift2, min,
      max;
} tml_prelu_params;

static void tml_prelu_s8(const tml_prelu_params *p, int32_t element_bytes, const tml_broadcast *bc,
                         const void *x, const int8_t *alpha, void *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const int32_t input =
        p->input_offset +
        (element_bytes == 1 ? ((const int8_t *)x)[w.x] : ((const int16_t *)x)[w.x]);
    const int32_t v =
        input >= 0 ? tml_mbqm(input, p->multiplier1, p->shift1)
                   : tml_mbqm(input * (p->alpha_offset + alpha[w.y]), p->multiplier2, p->shift2);
    const int32_t r = tml_clamp(v + p->output_offset, p->min, p->max);
    if (element_bytes == 1) {
      ((int8_t *)out)[w.e] = (int8_t)r;
    } else {
      ((int16_t *)out)[w.e] = (int16_t)r;
    }
  }
}
