/* DEQUANTIZE int8/int16 to float32: (float) (scale * (q - zp)) computed in double. */
static void tml_dequantize(const void *in, int32_t in_bytes, double scale, int32_t zero_point,
                           float *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    const int32_t q = in_bytes == 1 ? ((const int8_t *)in)[i] : ((const int16_t *)in)[i];
    out[i] = (float)(scale * (double)(q - zero_point));
  }
}
