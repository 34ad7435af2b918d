/* SVDF float32: the state shifts left by one, each filter's newest slot gets its feature dot
 * product, then each unit sums, after its bias, its rank filters' time convolutions (each summed
 * from the oldest slot), and is clamped. The sums keep the reference order (no scratch needed:
 * each filter's sum is added as soon as it is done). The state is a static array kept across
 * invokes. */
typedef struct {
  int32_t batches, input_size, filters, units, rank, memory;
} tml_svdf_f32_params;

static void tml_svdf_f32(const tml_svdf_f32_params *p, float lo, float hi, const float *in,
                         const float *feature, const float *time, const float *bias, float *state,
                         float *out) {
  const int32_t n = p->batches * p->filters * p->memory;
  int32_t b, r, c, u, j;
  memmove(state, state + 1, (size_t)(n - 1) * sizeof(float));
  for (b = 0; b < p->batches; b++) {
    for (r = 0; r < p->filters; r++) {
      float dot = 0.0f;
      for (c = 0; c < p->input_size; c++) {
        dot += feature[r * p->input_size + c] * in[b * p->input_size + c];
      }
      state[(b * p->filters + r) * p->memory + p->memory - 1] = dot;
    }
  }
  for (b = 0; b < p->batches; b++) {
    for (u = 0; u < p->units; u++) {
      float acc = bias ? bias[u] : 0.0f;
      for (r = 0; r < p->rank; r++) {
        const int32_t f = u * p->rank + r;
        const float *s = state + (b * p->filters + f) * p->memory;
        float t = 0.0f;
        for (j = 0; j < p->memory; j++) t += time[f * p->memory + j] * s[j];
        acc += t;
      }
      out[b * p->units + u] = tml_clampf(acc, lo, hi);
    }
  }
}
