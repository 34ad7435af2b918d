/* PAD of a tensor of rank <= 4 (any element size): the output filled with one value (its low
 * bytes, little-endian targets), then each
 * innermost input row copied to its place. */
typedef struct {
  int32_t in[4], out[4], before[4];
  int32_t element_bytes;
  uint32_t fill_bits;
} tml_pad_params;

static void tml_pad(const tml_pad_params *p, const void *in, void *out) {
  uint8_t *o = (uint8_t *)out;
  const uint8_t *x = (const uint8_t *)in;
  const int32_t eb = p->element_bytes;
  const int32_t n = p->out[0] * p->out[1] * p->out[2] * p->out[3];
  const int32_t row = p->in[3] * eb;
  int32_t i, i0, i1, i2;
  for (i = 0; i < n; i++) memcpy(o + i * eb, &p->fill_bits, (size_t)eb);
  for (i0 = 0; i0 < p->in[0]; i0++)
    for (i1 = 0; i1 < p->in[1]; i1++)
      for (i2 = 0; i2 < p->in[2]; i2++) {
        const int32_t at =
            (((i0 + p->before[0]) * p->out[1] + i1 + p->before[1]) * p->out[2] + i2 +
             p->before[2]) * p->out[3] + p->before[3];
        memcpy(o + at * eb, x, (size_t)row);
        x += row;
      }
}
