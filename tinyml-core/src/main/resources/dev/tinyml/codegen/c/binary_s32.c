/* Binary ops int32 with broadcasting, then the clamp: op 0 ADD, 1 SUB, 2 MUL (wrapping, computed
 * unsigned), 3 DIV (truncating; INT32_MIN / -1 wraps to INT32_MIN as in Java), 4 MINIMUM,
 * 5 MAXIMUM, 6 SQUARED_DIFFERENCE (wrapping). */
static inline int32_t tml_binary_s32_one(int32_t op, int32_t a, int32_t b) {
  switch (op) {
    case 0: return (int32_t)((uint32_t)a + (uint32_t)b);
    case 1: return (int32_t)((uint32_t)a - (uint32_t)b);
    case 2: return (int32_t)((uint32_t)a * (uint32_t)b);
    case 3: return b == -1 ? (int32_t)(0u - (uint32_t)a) : (b == 0 ? 0 : a / b);
    case 4: return a < b ? a : b;
    case 5: return a > b ? a : b;
    default: return (int32_t)(((uint32_t)a - (uint32_t)b) * ((uint32_t)a - (uint32_t)b));
  }
}

static void tml_binary_s32(int32_t op, const tml_broadcast *bc, const int32_t *x, const int32_t *y,
                           int32_t lo, int32_t hi, int32_t *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) out[w.e] = tml_clamp(tml_binary_s32_one(op, x[w.x], y[w.y]), lo, hi);
}
