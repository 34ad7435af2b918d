/* SOFTMAX float32: exp((x - max) * beta) in double rounded to float, divided by the float sum.
 * Needs <math.h> (libm). */
static void tml_softmax_f32(int32_t rows, int32_t depth, float beta, const float *in,
                            float *out) {
  int32_t r, c;
  for (r = 0; r < rows; r++) {
    const float *x = in + r * depth;
    float *y = out + r * depth;
    float max = -3.40282347e+38f;
    float sum = 0.0f;
    for (c = 0; c < depth; c++) max = max > x[c] ? max : x[c];
    for (c = 0; c < depth; c++) {
      const float e = (float)exp((double)((x[c] - max) * beta));
      y[c] = e;
      sum += e;
    }
    for (c = 0; c < depth; c++) y[c] = y[c] / sum;
  }
}
