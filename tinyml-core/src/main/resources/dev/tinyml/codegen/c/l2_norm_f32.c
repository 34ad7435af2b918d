/* L2_NORMALIZATION float32 over rows of depth values: the squares summed in float in index order,
 * each value divided by max(sqrt(sum), 1e-6) (the square root in double rounded to float). */
static void tml_l2_norm_f32(int32_t depth, const float *in, float *out, int32_t n) {
  int32_t base, c;
  for (base = 0; base < n; base += depth) {
    float squared = 0.0f;
    float norm;
    for (c = 0; c < depth; c++) {
      const float v = in[base + c];
      squared += v * v;
    }
    norm = (float)sqrt((double)squared);
    norm = norm < 1e-6f ? 1e-6f : norm;
    for (c = 0; c < depth; c++) out[base + c] = in[base + c] / norm;
  }
}
