/* QUANTIZE between integer types: (q - in_zp) times one multiplier plus out_zp, clamped to the
 * output type. Element sizes are 1, 2 or 4 bytes; element i from input i, in order. */
typedef struct {
  int32_t input_zero_point, output_zero_point, multiplier, shift, lo, hi;
  int8_t in_bytes, out_bytes;
} tml_requantize_params;

static void tml_requantize(const tml_requantize_params *p, const void *in, void *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    int32_t q;
    int32_t v;
    if (p->in_bytes == 1) {
      q = ((const int8_t *)in)[i];
    } else if (p->in_bytes == 2) {
      q = ((const int16_t *)in)[i];
    } else {
      q = ((const int32_t *)in)[i];
    }
    v = tml_clamp(tml_mbqm(q - p->input_zero_point, p->multiplier, p->shift) +
                      p->output_zero_point, p->lo, p->hi);
    if (p->out_bytes == 1) {
      ((int8_t *)out)[i] = (int8_t)v;
    } else if (p->out_bytes == 2) {
      ((int16_t *)out)[i] = (int16_t)v;
    } else {
      ((int32_t *)out)[i] = v;
    }
  }
}
