/* RELU (kind 0), RELU6 (1) and LEAKY_RELU (2, with alpha) float32, element by element. */
static void tml_relu_f32(int32_t kind, float alpha, const float *in, float *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const float v = in[i];
    if (kind == 0) {
      out[i] = v < 0.0f ? 0.0f : v;
    } else if (kind == 1) {
      out[i] = v > 6.0f ? 6.0f : (v < 0.0f ? 0.0f : v);
    } else {
      out[i] = v > 0.0f ? v : v * alpha;
    }
  }
}
