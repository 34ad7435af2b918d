/* The windowed kernels (CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D, MAX_POOL_2D; int8 and float32)
 * over NHWC tensors share one parameter struct and one walk over the output pixels. filter_in_c is
 * the filter's input channels (CONV_2D) or the depth multiplier (DEPTHWISE_CONV_2D); poolings have
 * in_c == out_c and dilation 1. Each kernel reads the fields it needs; float kernels take their clamp
 * as arguments (flash: the struct is one per operator). */
typedef struct {
  int32_t batches, in_h, in_w, in_c, out_h, out_w, out_c, k_h, k_w, filter_in_c;
  int32_t stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w;
  int32_t input_offset, output_offset, act_min, act_max, pointwise;
} tml_window_params;

/* One output pixel: its flat index (b, oy, ox in row-major order), the input position of tap
 * (0, 0) (negative inside the padding), and the taps inside the image, [ky0, ky1) x [kx0, kx1). */
typedef struct {
  int32_t pixel, b, oy, ox, iy0, ix0, ky0, ky1, kx0, kx1;
} tml_window;

/* The taps [*k0, *k1) of a window of k taps dilation apart from input position i0 that fall in
 * [0, size); empty when none do. */
static inline void tml_window_taps(int32_t i0, int32_t k, int32_t dilation, int32_t size,
                                   int32_t *k0, int32_t *k1) {
  int32_t lo = 0, hi = k;
  while (lo < k && i0 + dilation * lo < 0) lo++;
  while (hi > 0 && i0 + dilation * (hi - 1) >= size) hi--;
  *k0 = lo;
  *k1 = hi;
}

/* Moves w to the next output pixel (start from tml_window w = {-1}); 0 when all are done. Pixels come
 * in row-major order, each finished before the next, which CInPlace's overlap rule relies on. */
static inline int tml_window_next(const tml_window_params *p, tml_window *w) {
  if (p->out_h <= 0 || p->out_w <= 0) return 0;
  if (++w->pixel > 0 && ++w->ox == p->out_w) {
    w->ox = 0;
    if (++w->oy == p->out_h) {
      w->oy = 0;
      w->b++;
    }
  }
  if (w->b >= p->batches) return 0;
  w->iy0 = w->oy * p->stride_h - p->pad_h;
  w->ix0 = w->ox * p->stride_w - p->pad_w;
  tml_window_taps(w->iy0, p->k_h, p->dilation_h, p->in_h, &w->ky0, &w->ky1);
  tml_window_taps(w->ix0, p->k_w, p->dilation_w, p->in_w, &w->kx0, &w->kx1);
  return 1;
}

/* The input element index of tap (ky, kx), channel 0. */
static inline int32_t tml_window_at(const tml_window_params *p, const tml_window *w, int32_t ky,
                                    int32_t kx) {
  return ((w->b * p->in_h + w->iy0 + p->dilation_h * ky) * p->in_w + w->ix0 + p->dilation_w * kx) *
         p->in_c;
}

/* The int8 result of output channel c: accumulator plus bias, requantized, offset, clamped. */
static inline int8_t tml_window_s8(const tml_window_params *p, int32_t acc, const int32_t *bias,
                                   const int32_t *mult, const int8_t *shift, int32_t c) {
  const int32_t v = tml_mbqm(acc + (bias ? bias[c] : 0), mult[c], shift[c]) + p->output_offset;
  return (int8_t)tml_clamp(v, p->act_min, p->act_max);
}

/* The float result of output channel c: sum plus bias, clamped to [lo, hi]. */
static inline float tml_window_f32(float sum, const float *bias, int32_t c, float lo, float hi) {
  return tml_clampf(sum + (bias ? bias[c] : 0.0f), lo, hi);
}

/* CONV_2D: the first input channel of output channel oc's group. */
static inline int32_t tml_window_group(const tml_window_params *p, int32_t oc) {
  return (oc / (p->out_c / (p->in_c / p->filter_in_c))) * p->filter_in_c;
}
