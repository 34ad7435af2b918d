/* HARD_SWISH float32: x * min(6, max(0, x + 3)) / 6 in float, with Java's Math.max/min on NaN
 * (NaN in, NaN out). */
static void tml_hard_swish_f32(const float *in, float *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const float x = in[i];
    const float t = x + 3.0f;
    const float relu = t != t ? t : (t > 0.0f ? t : 0.0f);
    const float relu6 = relu != relu ? relu : (relu < 6.0f ? relu : 6.0f);
    out[i] = x * relu6 / 6.0f;
  }
}
