/* RELU6 int8: the input clamped to its quantized [0, 6]. */
static void tml_relu6_s8(int32_t zero, int32_t six, const int8_t *in, int8_t *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t v = in[i];
    out[i] = (int8_t)(v > six ? six : (v < zero ? zero : v));
  }
}
