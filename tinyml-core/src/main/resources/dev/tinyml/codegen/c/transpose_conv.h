/* TRANSPOSE_CONV over NHWC tensors with an OHWI filter, computed as a gather: output pixel (oy, ox)
 * sums the taps (fy, fx) whose input pixel (iy, ix) has oy + pad_h - fy = iy * stride_h (and the
 * same across), every input channel. Walking fy and fx downwards visits input rows, then columns,
 * ascending: the reference kernel's scatter adds into each output in that order, so float sums
 * match. The kernels take tml_window_params: in_* the input, out_* the output, k_* the filter. */

/* The input position that filter tap f of output position o reads, -1 when that falls between two
 * strides or outside [0, size). */
static inline int32_t tml_transpose_source(int32_t o, int32_t pad, int32_t f, int32_t stride,
                                           int32_t size) {
  const int32_t n = o + pad - f;
  if (n < 0 || n % stride != 0 || n / stride >= size) return -1;
  return n / stride;
}

/* The flat input and filter element indices of tap (fy, fx) of output pixel (b, oy, ox), channel
 * 0 of output channel oc; 0 when the tap reads no input. */
static inline int tml_transpose_tap(const tml_window_params *p, int32_t b, int32_t oy, int32_t ox,
                                    int32_t oc, int32_t fy, int32_t fx, int32_t *x, int32_t *f) {
  const int32_t iy = tml_transpose_source(oy, p->pad_h, fy, p->stride_h, p->in_h);
  const int32_t ix = tml_transpose_source(ox, p->pad_w, fx, p->stride_w, p->in_w);
  if (iy < 0 || ix < 0) return 0;
  *x = ((b * p->in_h + iy) * p->in_w + ix) * p->in_c;
  *f = ((oc * p->k_h + fy) * p->k_w + fx) * p->in_c;
  return 1;
}
