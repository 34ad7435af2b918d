/* FULLY_CONNECTED int8: out[b][o] = requantize(sum_d (w[o][d] + filter_offset) * (in[b][d] +
 * input_offset) + bias[o]) with one multiplier per output (repeated when per-tensor). With a zero
 * filter offset the generator folds input_offset * sum(w[o]) into the bias and passes 0. */
typedef struct {
  int32_t batches, accum_depth, output_depth;
  int32_t input_offset, filter_offset, output_offset, act_min, act_max;
} tml_fully_connected_s8_params;

static void tml_fully_connected_s8(const tml_fully_connected_s8_params *p, const int8_t *in,
                                   const int8_t *w, const int32_t *bias, const int32_t *mult,
                                   const int8_t *shift, int8_t *out) {
  const int32_t depth = p->accum_depth;
  int32_t b, o, d;
  for (b = 0; b < p->batches; b++) {
    const int8_t *x = in + b * depth;
    for (o = 0; o < p->output_depth; o++) {
      const int8_t *wr = w + o * depth;
      int32_t acc = 0;
      int32_t v;
      if (p->filter_offset == 0 && p->input_offset == 0) {
        for (d = 0; d < depth; d++) acc += wr[d] * x[d];
      } else {
        for (d = 0; d < depth; d++) acc += (wr[d] + p->filter_offset) * (x[d] + p->input_offset);
      }
      if (bias) acc += bias[o];
      v = tml_mbqm(acc, mult[o], shift[o]) + p->output_offset;
      out[o + p->output_depth * b] = (int8_t)tml_clamp(v, p->act_min, p->act_max);
    }
  }
}
