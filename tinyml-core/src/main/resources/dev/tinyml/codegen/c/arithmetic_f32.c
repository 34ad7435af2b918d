/* ADD (op 0), SUB (1) and MUL (2) float32 with broadcasting, then the fused clamp. */
static void tml_arithmetic_f32(int32_t op, const tml_broadcast *bc, const float *x,
                               const float *y, float float_min, float float_max, float *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const float a = x[w.x];
    const float b = y[w.y];
    out[w.e] = tml_clampf(op == 0 ? a + b : (op == 1 ? a - b : a * b), float_min, float_max);
  }
}
