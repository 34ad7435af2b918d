/* Binary ops float32 with broadcasting, then the fused clamp: op 0 ADD, 1 SUB, 2 MUL, 3 DIV,
 * 4 MINIMUM, 5 MAXIMUM (std::min/max: the first operand unless the second compares beyond). */
static void tml_binary_f32(int32_t op, const tml_broadcast *bc, const float *x, const float *y,
                           float float_min, float float_max, float *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const float a = x[w.x];
    const float b = y[w.y];
    float v;
    switch (op) {
      case 0: v = a + b; break;
      case 1: v = a - b; break;
      case 2: v = a * b; break;
      case 3: v = a / b; break;
      case 4: v = b < a ? b : a; break;
      default: v = a < b ? b : a; break;
    }
    out[w.e] = tml_clampf(v, float_min, float_max);
  }
}
