/* LOGISTIC float32 with the reference's cut-offs; exp in double rounded to float (libm). */
static void tml_logistic_f32(const float *in, float *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const float v = in[i];
    if (v > 16.619047164916992188f) {
      out[i] = 1.0f;
    } else if (v < -9.0f) {
      out[i] = (float)exp((double)v);
    } else {
      out[i] = 1.0f / (1.0f + (float)exp((double)-v));
    }
  }
}
