/* Binary ops float32 with broadcasting, then the fused clamp: op 0 ADD, 1 SUB, 2 MUL, 3 DIV,
 * 4 MINIMUM, 5 MAXIMUM (std::min/max: the first operand unless the second compares beyond),
 * 6 SQUARED_DIFFERENCE, 7 PRELU (x, alpha). */
static void tml_binary_f32(int32_t op, const tml_broadcast *bc, const float *x, const float *y,
                           float float_min, float float_max, float *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const float a = x[w.x];
    const float b = y[w.y];
    const float v = op == 0   ? a + b
                    : op == 1 ? a - b
                    : op == 2 ? a * b
                    : op == 3 ? a / b
                    : op == 4 ? (b < a ? b : a)
                    : op == 5 ? (a < b ? b : a)
                    : op == 6 ? (a - b) * (a - b)
                              : (a >= 0.0f ? a : a * b);
    out[w.e] = tml_clampf(v, float_min, float_max);
  }
}
