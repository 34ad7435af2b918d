/* QUANTIZE float32 to int8/int16: round(x / scale) halves away from zero, plus the zero point,
 * clamped. out8 or out16 is non-null. */
static void tml_quantize_f32(const float *in, float scale, int32_t zero_point, int8_t *out8,
                             int16_t *out16, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t v = tml_wrapping_add(tml_float_to_int32(tml_roundf(in[i] / scale)), zero_point);
    if (out8) {
      out8[i] = (int8_t)tml_clamp(v, -128, 127);
    } else {
      out16[i] = (int16_t)tml_clamp(v, -32768, 32767);
    }
  }
}
