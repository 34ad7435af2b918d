/* SELECT_V2: output element e is x[xi[e]] where cond[ci[e]] is non-zero, else y[yi[e]]; each index
 * table is the op's prepared broadcast, null where that input is not broadcast (index e). Any
 * element size. */
static void tml_select(int32_t n, int32_t element_bytes, const int32_t *ci, const int32_t *xi,
                       const int32_t *yi, const uint8_t *cond, const void *x, const void *y,
                       void *out) {
  const size_t eb = (size_t)element_bytes;
  int32_t e;
  for (e = 0; e < n; e++) {
    const int32_t at = cond[ci ? ci[e] : e] ? (xi ? xi[e] : e) : (yi ? yi[e] : e);
    const uint8_t *from = (const uint8_t *)(cond[ci ? ci[e] : e] ? x : y);
    memcpy((uint8_t *)out + (size_t)e * eb, from + (size_t)at * eb, eb);
  }
}
