/* TANH float32: tanh in double rounded to float (libm). */
static void tml_tanh_f32(const float *in, float *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) out[i] = (float)tanh((double)in[i]);
}
