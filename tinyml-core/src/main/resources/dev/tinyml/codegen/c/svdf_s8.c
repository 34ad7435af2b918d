/* SVDF int8 with int16 (wide_state 1) or int8 (0) time weights and state: the whole state shifts
 * left by one, each filter's newest slot gets its requantized feature dot product, then each unit
 * sums its rank filters' time convolutions (no scratch: integer sums are exact in any order). The
 * state is a static array kept across invokes. */
typedef struct {
  int32_t batches, input_size, filters, units, rank, memory;
  int32_t input_zero_point, state_zero_point, output_zero_point;
  int32_t scale1_multiplier, scale1_shift, scale2_multiplier, scale2_shift, state_min, state_max;
  int32_t wide_state;
} tml_svdf_s8_params;

/* Element i of an int16 (wide) or int8 array. */
static inline int32_t tml_svdf_at(const void *a, int32_t wide, int32_t i) {
  return wide ? ((const int16_t *)a)[i] : ((const int8_t *)a)[i];
}

static void tml_svdf_s8(const tml_svdf_s8_params *p, const int8_t *in, const int8_t *feature,
                        const void *time, const int32_t *bias, void *state, int8_t *out) {
  const int32_t wide = p->wide_state;
  const int32_t n = p->batches * p->filters * p->memory;
  int32_t b, r, c, u, j;
  memmove(state, (uint8_t *)state + (wide ? 2 : 1), (size_t)(n - 1) * (wide ? 2u : 1u));
  for (b = 0; b < p->batches; b++) {
    for (r = 0; r < p->filters; r++) {
      const int32_t slot = (b * p->filters + r) * p->memory + p->memory - 1;
      int32_t dot = 0;
      for (c = 0; c < p->input_size; c++) {
        dot += feature[r * p->input_size + c] * (in[b * p->input_size + c] - p->input_zero_point);
      }
      dot = p->state_zero_point + tml_clamp(tml_mbqm(dot, p->scale1_multiplier, p->scale1_shift),
                                            p->state_min, p->state_max);
      if (wide) {
        ((int16_t *)state)[slot] = (int16_t)dot;
      } else {
        ((int8_t *)state)[slot] = (int8_t)dot;
      }
    }
  }
  for (b = 0; b < p->batches; b++) {
    for (u = 0; u < p->units; u++) {
      int32_t acc = bias ? bias[u] : 0;
      for (r = 0; r < p->rank; r++) {
        const int32_t f = u * p->rank + r;
        const int32_t s = (b * p->filters + f) * p->memory;
        for (j = 0; j < p->memory; j++) {
          acc += tml_svdf_at(time, wide, f * p->memory + j) *
                 (tml_svdf_at(state, wide, s + j) - p->state_zero_point);
        }
      }
      out[b * p->units + u] = (int8_t)tml_clamp(
          tml_mbqm(acc, p->scale2_multiplier, p->scale2_shift) + p->output_zero_point, -128, 127);
    }
  }
}
