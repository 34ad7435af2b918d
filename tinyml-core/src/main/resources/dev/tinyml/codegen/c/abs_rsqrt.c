/* ABS (rsqrt 0) and RSQRT (rsqrt 1) of int8 (element_bytes 1) or int16 (2) values, requantized as
 * TFLM's elementwise.cc; p == 0 is ABS of raw int16 values (no quantization), -32768 staying
 * -32768 as Java's (short) cast gives. RSQRT keeps 20 fraction bits between the inverse square
 * root and the output rescale, and maps the zero point to the type's maximum. Returns 1 (having
 * written the outputs before it) at the first RSQRT input below the zero point, where TFLM fails
 * the invoke; 0 otherwise. */
typedef struct {
  int32_t input_offset, output_offset, rescale, multiplier, shift, min, max;
} tml_abs_rsqrt_params;

static int32_t tml_abs_rsqrt(const tml_abs_rsqrt_params *p, int32_t rsqrt, int32_t element_bytes,
                             const void *in, void *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t q = element_bytes == 1 ? ((const int8_t *)in)[i] : ((const int16_t *)in)[i];
    int32_t v;
    if (p == 0) {
      v = q == -32768 ? q : (q < 0 ? -q : q);
    } else if (rsqrt) {
      const int32_t value = q - p->input_offset;
      if (value < 0) return 1;
      if (value == 0) {
        v = p->max;
      } else {
        int32_t exponent;
        const int32_t significand = tml_inv_sqrt(value, &exponent);
        const int32_t data = tml_mbqm(1, significand, exponent + 20);
        v = tml_clamp(tml_mbqm(data, p->multiplier, p->shift - 20) + p->output_offset, p->min,
                      p->max);
      }
    } else {
      const int32_t d = q - p->input_offset;
      const int32_t value = d < 0 ? -d : d;
      v = p->rescale ? tml_mbqm(value, p->multiplier, p->shift) + p->output_offset
                     : value + p->output_offset;
      v = tml_clamp(v, p->min, p->max);
    }
    if (element_bytes == 1) {
      ((int8_t *)out)[i] = (int8_t)v;
    } else {
      ((int16_t *)out)[i] = (int16_t)v;
    }
  }
  return 0;
}
