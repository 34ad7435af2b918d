/* An int8 function of one int8 value through its 256-entry table, indexed by input + 128 (HARD_SWISH:
 * the table holds the interpreter's fixed-point result for every input, computed at generation). */
static void tml_lookup_s8(const int8_t *table, const int8_t *in, int8_t *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) out[i] = table[in[i] + 128];
}
