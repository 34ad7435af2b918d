/* L2_NORMALIZATION int8 (output scale 1/128, zero point 0) over rows of depth values: the integer
 * sum of squares (wrapping as Java's int), TFLite's fixed-point inverse square root of it, each
 * value scaled by it into Q7 and clamped. A row of zero points gives zeros. */
static void tml_l2_norm_s8(int32_t depth, int32_t input_zero_point, const int8_t *in, int8_t *out,
                           int32_t n) {
  int32_t base, c;
  for (base = 0; base < n; base += depth) {
    uint32_t acc = 0;
    int32_t exponent, significand;
    for (c = 0; c < depth; c++) {
      const int32_t v = in[base + c] - input_zero_point;
      acc += (uint32_t)(v * v);
    }
    significand = tml_inv_sqrt((int32_t)acc, &exponent);
    for (c = 0; c < depth; c++) {
      const int32_t v = in[base + c] - input_zero_point;
      out[base + c] = (int8_t)tml_clamp(tml_mbqm(v, significand, exponent + 7), -128, 127);
    }
  }
}
