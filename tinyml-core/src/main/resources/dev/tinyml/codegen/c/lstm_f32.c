/* UNIDIRECTIONAL_SEQUENCE_LSTM float32 (TFLM's float LSTM, no peephole, projection or layer norm).
 * Each gate of unit u is the input layer (dot product, then the bias, clamped to float's range)
 * plus the recurrent layer (dot product plus 0, clamped), then the sigmoid (tanh for the cell gate)
 * of logistic_f32.c / tanh_f32.c. The cell becomes forget * cell + input * cell gate (each product
 * clamped), clipped when cell_clip > 0; the hidden state is tanh(cell) * output gate. Every value
 * takes the interpreter's float operations in its order, so the results are its bits. As in
 * lstm_s8.c one unit at a time needs no scratch: the new hidden state goes to the output first and
 * into the state when the step is done. Gate arrays are in the order forget, input, cell, output. */
typedef struct {
  int32_t time_major, batches, steps, input_size, units;
  float cell_clip;
  const float *input_weights[4];
  const float *recurrent_weights[4];
  const float *bias[4];
} tml_lstm_f32_params;

/* Float's largest finite value (FLT_MAX): the reference float layers clamp to +-it. */
static const float tml_lstm_f32_max = 3.40282346638528859812e+38f;

/* Gate g of unit u before its activation; the sums run in depth order. */
static float tml_lstm_f32_gate(const tml_lstm_f32_params *p, int32_t g, const float *x,
                               const float *h, int32_t u) {
  const float *wi = p->input_weights[g] + u * p->input_size;
  const float *wr = p->recurrent_weights[g] + u * p->units;
  float in_total = 0.0f, rec_total = 0.0f;
  int32_t d;
  for (d = 0; d < p->input_size; d++) in_total += x[d] * wi[d];
  for (d = 0; d < p->units; d++) rec_total += h[d] * wr[d];
  /* The recurrent layer has no bias: the reference adds 0 (which turns -0 into +0). */
  return tml_clampf(in_total + p->bias[g][u], -tml_lstm_f32_max, tml_lstm_f32_max) +
         tml_clampf(rec_total + 0.0f, -tml_lstm_f32_max, tml_lstm_f32_max);
}

/* A float MUL without activation: the product clamped to float's finite range. */
static inline float tml_lstm_f32_product(float a, float b) {
  return tml_clampf(a * b, -tml_lstm_f32_max, tml_lstm_f32_max);
}

static float tml_lstm_f32_sigmoid(float v) {
  float r;
  tml_logistic_f32(&v, &r, 1);
  return r;
}

static float tml_lstm_f32_tanh(float v) {
  float r;
  tml_tanh_f32(&v, &r, 1);
  return r;
}

static void tml_lstm_f32(const tml_lstm_f32_params *p, const float *in, float *hidden,
                         float *cell, float *out) {
  const int32_t rows = p->time_major ? p->batches : 1;
  const int32_t outer = p->time_major ? 1 : p->batches;
  const int32_t in_step = rows * p->input_size;
  const int32_t out_step = rows * p->units;
  const float clip = p->cell_clip;
  int32_t b, t, r, u;
  for (b = 0; b < outer; b++) {
    float *h = hidden + b * p->units;
    float *c = cell + b * p->units;
    for (t = 0; t < p->steps; t++) {
      const int32_t step = b * p->steps + t;
      const float *x = in + step * in_step;
      float *o = out + step * out_step;
      for (r = 0; r < rows; r++) {
        const float *xr = x + r * p->input_size;
        const float *hr = h + r * p->units;
        for (u = 0; u < p->units; u++) {
          const int32_t i = r * p->units + u;
          const float f = tml_lstm_f32_sigmoid(tml_lstm_f32_gate(p, 0, xr, hr, u));
          const float ig = tml_lstm_f32_sigmoid(tml_lstm_f32_gate(p, 1, xr, hr, u));
          const float cg = tml_lstm_f32_tanh(tml_lstm_f32_gate(p, 2, xr, hr, u));
          float v = tml_lstm_f32_product(f, c[i]) + tml_lstm_f32_product(ig, cg);
          if (clip > 0.0f) {
            /* std::max(std::min(clip, v), -clip), NaN giving clip as in the reference. */
            const float upper = v < clip ? v : clip;
            v = upper < -clip ? -clip : upper;
          }
          c[i] = v;
          o[i] = tml_lstm_f32_product(
              tml_lstm_f32_tanh(v), tml_lstm_f32_sigmoid(tml_lstm_f32_gate(p, 3, xr, hr, u)));
        }
      }
      memcpy(h, o, (size_t)(rows * p->units) * sizeof(float));
    }
  }
}
