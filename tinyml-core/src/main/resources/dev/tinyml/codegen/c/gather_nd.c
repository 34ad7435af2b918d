/* GATHER_ND: index row i (depth int32 values read at run time) addresses the flat params offset
 * sum(row[j] * axis_stride[j]), from which slice_size elements are copied to output slice i. Any
 * element size. As the interpreter, only the flat slice is bounds-checked: returns 1, having
 * written the output only up to it, at the first row whose slice leaves the params; else 0. The
 * offset wraps in 32 bits as the interpreter's int arithmetic does. */
typedef struct {
  int32_t depth, slices, slice_size, params_size;
} tml_gather_nd_params;

static int tml_gather_nd(const tml_gather_nd_params *p, const int32_t *axis_stride,
                         int32_t element_bytes, const void *params, const int32_t *indices,
                         void *out) {
  const size_t slice = (size_t)p->slice_size * (size_t)element_bytes;
  int32_t i, j;
  for (i = 0; i < p->slices; i++) {
    uint32_t from = 0;
    for (j = 0; j < p->depth; j++) {
      from += (uint32_t)indices[i * p->depth + j] * (uint32_t)axis_stride[j];
    }
    if ((int32_t)from < 0 || (int64_t)(int32_t)from + p->slice_size > p->params_size) return 1;
    memcpy((uint8_t *)out + (size_t)i * slice,
           (const uint8_t *)params + (size_t)from * (size_t)element_bytes, slice);
  }
  return 0;
}
