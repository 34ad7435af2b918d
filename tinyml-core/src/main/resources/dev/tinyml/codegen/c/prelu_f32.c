/* PRELU float32 with alpha broadcast: x >= 0 ? x : x * alpha. */
static void tml_prelu_f32(const tml_broadcast *bc, const float *x, const float *alpha, float *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const float v = x[w.x];
    out[w.e] = v >= 0.0f ? v : v * alpha[w.y];
  }
}
