/* Binary ops int32 with broadcasting, then the clamp: op 0 ADD, 1 SUB, 2 MUL (wrapping, computed
 * unsigned), 3 DIV (truncating; INT32_MIN / -1 wraps to INT32_MIN as in Java), 4 MINIMUM,
 * 5 MAXIMUM. */
static void tml_binary_s32(int32_t op, const tml_broadcast *bc, const int32_t *x, const int32_t *y,
                           int32_t lo, int32_t hi, int32_t *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const int32_t a = x[w.x];
    const int32_t b = y[w.y];
    int32_t v;
    switch (op) {
      case 0: v = (int32_t)((uint32_t)a + (uint32_t)b); break;
      case 1: v = (int32_t)((uint32_t)a - (uint32_t)b); break;
      case 2: v = (int32_t)((uint32_t)a * (uint32_t)b); break;
      case 3: v = b == -1 ? (int32_t)(0u - (uint32_t)a) : (b == 0 ? 0 : a / b); break;
      case 4: v = a < b ? a : b; break;
      default: v = a > b ? a : b; break;
    }
    out[w.e] = tml_clamp(v, lo, hi);
  }
}
