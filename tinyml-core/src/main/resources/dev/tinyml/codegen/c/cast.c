/* CAST between int8 (type 0), int16 (1), int32 (2), uint32 (3), float32 (4) and, as output only,
 * bool (5), as Java converts: through double when either side is float (to an integer: NaN gives
 * 0, the rest saturates to int64 and truncates toward zero), else through int64; then the low bits
 * of the output width (two's complement). bool is v != 0. */
static void tml_cast(int32_t from, int32_t to, const void *in, void *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    int64_t v;
    double d;
    switch (from) {
      case 0: v = ((const int8_t *)in)[i]; break;
      case 1: v = ((const int16_t *)in)[i]; break;
      case 2: v = ((const int32_t *)in)[i]; break;
      case 3: v = ((const uint32_t *)in)[i]; break;
      default: v = 0; break;
    }
    d = from == 4 ? (double)((const float *)in)[i] : (double)v;
    if (from == 4) {
      v = d != d ? 0
                 : (d >= 9223372036854775807.0 ? INT64_MAX
                                                : (d <= -9223372036854775807.0 ? INT64_MIN
                                                                                : (int64_t)d));
    }
    switch (to) {
      case 0: ((int8_t *)out)[i] = (int8_t)(uint8_t)(uint64_t)v; break;
      case 1: ((int16_t *)out)[i] = (int16_t)(uint16_t)(uint64_t)v; break;
      case 2: ((int32_t *)out)[i] = (int32_t)(uint32_t)(uint64_t)v; break;
      case 3: ((uint32_t *)out)[i] = (uint32_t)(uint64_t)v; break;
      case 4: ((float *)out)[i] = (float)d; break;
      default: ((uint8_t *)out)[i] = (uint8_t)(d != 0.0); break;
    }
  }
}
