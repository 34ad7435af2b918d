/* GATHER along one axis with batch dimensions: for each batch and each outer index, every position
 * read at run time picks one inner block of the input. Any element size. Returns 1, having written
 * the output only up to it, at the first position outside [0, axis_size), as the interpreter fails
 * its invoke there; else 0. */
typedef struct {
  int32_t batches, outer, axis_size, inner, coords;
} tml_gather_axis_params;

static int tml_gather_axis(const tml_gather_axis_params *p, int32_t element_bytes, const void *in,
                           const int32_t *positions, void *out) {
  const uint8_t *x = (const uint8_t *)in;
  uint8_t *o = (uint8_t *)out;
  const size_t block = (size_t)p->inner * (size_t)element_bytes;
  int32_t batch, outer, c;
  for (batch = 0; batch < p->batches; batch++) {
    for (outer = 0; outer < p->outer; outer++) {
      const size_t base = (size_t)batch * (size_t)p->outer + (size_t)outer;
      for (c = 0; c < p->coords; c++) {
        const int32_t from = positions[batch * p->coords + c];
        if (from < 0 || from >= p->axis_size) return 1;
        memcpy(o + (base * (size_t)p->coords + (size_t)c) * block,
               x + (base * (size_t)p->axis_size + (size_t)from) * block, block);
      }
    }
  }
  return 0;
}
