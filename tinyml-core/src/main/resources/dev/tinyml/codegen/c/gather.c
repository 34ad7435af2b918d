/* The pure data-movement ops (TRANSPOSE, SLICE, STRIDED_SLICE, SPACE_TO_DEPTH, DEPTH_TO_SPACE,
 * SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND, RESIZE_NEAREST_NEIGHBOR): output element i is input element
 * source[i], or the padding value (its low bytes, little-endian targets) where source[i] is -1.
 * The source map is the op's prepared plan, a const table. Any element size. */
static void tml_gather(const int32_t *source, int32_t n, int32_t element_bytes, uint32_t pad_bits,
                       const void *in, void *out) {
  const uint8_t *x = (const uint8_t *)in;
  uint8_t *o = (uint8_t *)out;
  const size_t eb = (size_t)element_bytes;
  int32_t i;
  for (i = 0; i < n; i++) {
    if (source[i] < 0) {
      memcpy(o + (size_t)i * eb, &pad_bits, eb);
    } else {
      memcpy(o + (size_t)i * eb, x + (size_t)source[i] * eb, eb);
    }
  }
}
