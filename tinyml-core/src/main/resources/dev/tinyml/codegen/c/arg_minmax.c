/* ARG_MAX (max 1) and ARG_MIN (max 0) of float32 (is_float 1) or raw int8 values along one axis,
 * to int32 positions: an element replaces the best only when it compares beyond it, so the first
 * of equal values wins and a NaN is never picked after the first element. int8 values compare
 * exactly as floats. */
static void tml_arg_minmax(int32_t max, int32_t is_float, int32_t outer, int32_t axis_size,
                           int32_t inner, const void *in, int32_t *out) {
  const float *f = (const float *)in;
  const int8_t *q = (const int8_t *)in;
  int32_t o, k, i;
  for (o = 0; o < outer; o++) {
    for (k = 0; k < inner; k++) {
      const int32_t base = o * axis_size * inner + k;
      float best = axis_size == 0 ? 0.0f : (is_float ? f[base] : (float)q[base]);
      int32_t index = 0;
      for (i = 1; i < axis_size; i++) {
        const int32_t at = base + i * inner;
        const float v = is_float ? f[at] : (float)q[at];
        if (max ? v > best : v < best) {
          best = v;
          index = i;
        }
      }
      out[o * inner + k] = index;
    }
  }
}
