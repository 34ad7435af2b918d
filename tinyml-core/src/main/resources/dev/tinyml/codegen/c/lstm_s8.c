/* UNIDIRECTIONAL_SEQUENCE_LSTM int8 with an int16 cell state (TFLM's integer LSTM, no peephole,
 * projection or layer norm). Each gate of unit u is two fully connected dot products (input + bias,
 * hidden) into saturated Q3.12, their saturating sum, then the int16 sigmoid (forget, input, output)
 * or tanh (cell gate) into Q0.15. The cell becomes sat(forget * cell + input * cell gate), clipped;
 * the hidden state requantizes tanh(cell) * output gate. One unit at a time needs no scratch: the
 * gates read only the input and the previous hidden state, so the step's new hidden state is written
 * to the output first and copied into the state when the step is done. Gate arrays are in the order
 * forget, input, cell, output; gate[g] holds input multiplier, shift, recurrent multiplier, shift. */
typedef struct {
  int32_t time_major, batches, steps, input_size, units;
  int32_t input_offset, hidden_offset, weight_offset;
  int32_t gate[4][4];
  int32_t forget_multiplier, forget_shift, input_multiplier, input_shift;
  int32_t output_multiplier, output_shift, hidden_zero_point;
  int32_t cell_gate_tanh, tanh_multiplier, tanh_shift, cell_clip; /* tanh of the cell: 0 = 3 << shift */
  const uint16_t *sigmoid_table;
  const int8_t *input_weights[4];
  const int8_t *recurrent_weights[4];
  const int32_t *bias[4];
} tml_lstm_s8_params;

static inline int32_t tml_clamp16(int32_t v) { return tml_clamp(v, -32768, 32767); }

/* The int16 activations' input scaling: v * multiplier with a rounded right shift, or v * (3 <<
 * shift) when the multiplier is 0 (the power-of-two case). */
static inline int32_t tml_s16_scaled(int32_t v, int32_t multiplier, int32_t shift) {
  int32_t round;
  if (multiplier == 0) {
    multiplier = 3 << shift;
    shift = 0;
  }
  round = shift > 0 ? (int32_t)1 << (shift - 1) : 0;
  return (v * multiplier + round) >> shift;
}

/* The Q0.16 table at |x| with frac fraction bits (saturated past its end), scaled by 2^frac. */
static inline int64_t tml_lut_s16(const uint16_t *table, int32_t x, int32_t frac,
                                  int64_t saturated) {
  const uint32_t a = x < 0 ? 0u - (uint32_t)x : (uint32_t)x;
  const uint32_t uh = a >> frac;
  if (uh >= 255u) {
    return saturated;
  }
  const int64_t ua = table[uh];
  const int64_t ub = table[uh + 1u];
  return (ua << frac) + (int64_t)(a & ((1u << frac) - 1u)) * (ub - ua);
}

/* Int16 logistic: the scaled input's sigmoid interpolated in the Q0.16 table, Q0.15 out. */
static inline int32_t tml_logistic_s16(const uint16_t *table, int32_t v, int32_t multiplier,
                                       int32_t shift) {
  const int32_t x = tml_s16_scaled(v, multiplier, shift);
  int64_t r = tml_lut_s16(table, x, 9, (int64_t)0x7FFF << 10);
  r = x >= 0 ? r + (1 << 9) : ((int64_t)1 << 25) - r + (1 << 9) - 1;
  return (int16_t)(r >> 10);
}

/* Int16 tanh from the same table (tanh(x) = 2 sigmoid(2x) - 1), Q0.15 out. */
static inline int32_t tml_tanh_s16(const uint16_t *table, int32_t v, int32_t multiplier,
                                   int32_t shift) {
  const int32_t x = tml_s16_scaled(v, multiplier, shift);
  int32_t r = (int32_t)tml_lut_s16(table, x, 8, (int64_t)0xFFFF << 8);
  r = x >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
  return (int16_t)(r >> 8);
}

/* Gate g of unit u before its activation: both dot products in saturated Q3.12, summed. */
static int32_t tml_lstm_gate(const tml_lstm_s8_params *p, int32_t g, const int8_t *x,
                             const int8_t *h, int32_t u) {
  const int8_t *wi = p->input_weights[g] + u * p->input_size;
  const int8_t *wr = p->recurrent_weights[g] + u * p->units;
  int32_t in_acc = 0, rec_acc = 0, d;
  for (d = 0; d < p->input_size; d++) {
    in_acc += (wi[d] + p->weight_offset) * (x[d] + p->input_offset);
  }
  in_acc = tml_clamp16(tml_mbqm(in_acc + p->bias[g][u], p->gate[g][0], p->gate[g][1]));
  for (d = 0; d < p->units; d++) {
    rec_acc += (wr[d] + p->weight_offset) * (h[d] + p->hidden_offset);
  }
  rec_acc = tml_clamp16(tml_mbqm(rec_acc, p->gate[g][2], p->gate[g][3]));
  return tml_clamp16(in_acc + rec_acc);
}

static void tml_lstm_s8(const tml_lstm_s8_params *p, const int8_t *in, int8_t *hidden,
                        int16_t *cell, int8_t *out) {
  const uint16_t *table = p->sigmoid_table;
  const int32_t rows = p->time_major ? p->batches : 1;
  const int32_t outer = p->time_major ? 1 : p->batches;
  const int32_t in_step = rows * p->input_size;
  const int32_t out_step = rows * p->units;
  int32_t b, t, r, u;
  for (b = 0; b < outer; b++) {
    int8_t *h = hidden + b * p->units;
    int16_t *c = cell + b * p->units;
    for (t = 0; t < p->steps; t++) {
      const int32_t step = b * p->steps + t;
      const int8_t *x = in + step * in_step;
      int8_t *o = out + step * out_step;
      for (r = 0; r < rows; r++) {
        for (u = 0; u < p->units; u++) {
          const int32_t i = r * p->units + u;
          const int8_t *xr = x + r * p->input_size;
          const int8_t *hr = h + r * p->units;
          const int32_t f = tml_logistic_s16(table, tml_lstm_gate(p, 0, xr, hr, u), 0, 0);
          const int32_t ig = tml_logistic_s16(table, tml_lstm_gate(p, 1, xr, hr, u), 0, 0);
          const int32_t cg_in = tml_lstm_gate(p, 2, xr, hr, u);
          const int32_t cg = p->cell_gate_tanh ? tml_tanh_s16(table, cg_in, 0, 0)
                                               : tml_logistic_s16(table, cg_in, 0, 0);
          const int32_t og = tml_logistic_s16(table, tml_lstm_gate(p, 3, xr, hr, u), 0, 0);
          const int32_t fc = tml_clamp16(tml_mbqm(f * c[i], p->forget_multiplier, p->forget_shift));
          const int32_t ic = tml_clamp16(tml_mbqm(ig * cg, p->input_multiplier, p->input_shift));
          int32_t sum = tml_clamp16(fc + ic);
          int32_t th;
          if (p->cell_clip > 0) sum = tml_clamp(sum, -p->cell_clip, p->cell_clip);
          c[i] = (int16_t)sum;
          th = tml_tanh_s16(table, sum, p->tanh_multiplier, p->tanh_shift);
          o[i] = (int8_t)tml_clamp(
              tml_mbqm(th * og, p->output_multiplier, p->output_shift) + p->hidden_zero_point,
              -128, 127);
        }
      }
      memcpy(h, o, (size_t)(rows * p->units));
    }
  }
}
