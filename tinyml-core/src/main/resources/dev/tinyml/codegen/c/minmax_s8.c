/* MINIMUM (max 0) and MAXIMUM (max 1) of raw int8 (element_bytes 1) or int16 (2) values with
 * broadcasting: both inputs share the output's quantization. */
static void tml_minmax_s8(int32_t max, int32_t element_bytes, const tml_broadcast *bc,
                          const void *x, const void *y, void *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    const int32_t a = element_bytes == 1 ? ((const int8_t *)x)[w.x] : ((const int16_t *)x)[w.x];
    const int32_t b = element_bytes == 1 ? ((const int8_t *)y)[w.y] : ((const int16_t *)y)[w.y];
    const int32_t v = max ? (a < b ? b : a) : (b < a ? b : a);
    if (element_bytes == 1) {
      ((int8_t *)out)[w.e] = (int8_t)v;
    } else {
      ((int16_t *)out)[w.e] = (int16_t)v;
    }
  }
}
