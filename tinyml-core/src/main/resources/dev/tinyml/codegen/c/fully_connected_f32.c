/* FULLY_CONNECTED float32: products summed in depth order, then the bias, then the clamp. */
static void tml_fully_connected_f32(int32_t batches, int32_t depth, int32_t output_depth,
                                    const float *in, const float *w, const float *bias,
                                    float float_min, float float_max, float *out) {
  int32_t b, o, d;
  for (b = 0; b < batches; b++) {
    for (o = 0; o < output_depth; o++) {
      float total = 0.0f;
      for (d = 0; d < depth; d++) total += in[b * depth + d] * w[o * depth + d];
      out[o + output_depth * b] =
          tml_clampf(total + (bias ? bias[o] : 0.0f), float_min, float_max);
    }
  }
}
