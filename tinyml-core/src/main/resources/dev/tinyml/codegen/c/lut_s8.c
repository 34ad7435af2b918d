/* An int8 element-wise function through its 256-entry table (indexed by input + 128), which the
 * generator took from the op's Java kernel (ELU's table, HARD_SWISH's values). */
static void tml_lut_s8(const int8_t *table, const int8_t *in, int8_t *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) out[i] = table[in[i] + 128];
}
