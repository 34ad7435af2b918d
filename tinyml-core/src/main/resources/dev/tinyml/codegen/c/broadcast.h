/* A 4-D index space walked in row-major order with two strided views: per axis the extent and
 * each view's stride (0 where a broadcast input has extent 1). Binary kernels read their inputs
 * through the two views; MEAN walks its kept and its reduced axes with one view each. */
typedef struct {
  int32_t dims[4];
  int32_t stride1[4];
  int32_t stride2[4];
} tml_broadcast;

/* A position of the walk: e counts the elements visited (the output index), x and y are the two
 * views' element indices. */
typedef struct {
  int32_t e, x, y, i[4];
} tml_walk;

/* Moves w to the next position (start from tml_walk w = {-1}); 0 when the walk is done. */
static inline int tml_walk_next(const tml_broadcast *s, tml_walk *w) {
  int32_t d;
  if (w->e++ < 0) {
    return s->dims[0] > 0 && s->dims[1] > 0 && s->dims[2] > 0 && s->dims[3] > 0;
  }
  for (d = 3; d >= 0; d--) {
    w->x += s->stride1[d];
    w->y += s->stride2[d];
    if (++w->i[d] < s->dims[d]) return 1;
    w->x -= s->stride1[d] * s->dims[d];
    w->y -= s->stride2[d] * s->dims[d];
    w->i[d] = 0;
  }
  return 0;
}

/* The rescaled sums of a quantized reduction: per output (the kept walk), the raw sum of its int8
 * (element_bytes 1) or int16 (2) inputs (the reduced walk) less zero point * count, times one
 * multiplier, plus the output zero point, clamped to the type. MEAN int8 (1/count folded into the
 * multiplier) and SUM int8/int16 (the scales' ratio) share it. */
typedef struct {
  tml_broadcast kept, reduced;
  int32_t count, input_zero_point, output_zero_point, multiplier, shift;
} tml_rescaled_sum_params;

static inline void tml_rescaled_sums(const tml_rescaled_sum_params *p, int32_t element_bytes,
                                     const void *in, void *out) {
  tml_walk o = {-1};
  while (tml_walk_next(&p->kept, &o)) {
    tml_walk r = {-1};
    int32_t sum = 0;
    int32_t v;
    while (tml_walk_next(&p->reduced, &r)) {
      const int32_t at = o.x + r.x;
      sum = tml_wrapping_add(sum, element_bytes == 1 ? ((const int8_t *)in)[at]
                                                     : ((const int16_t *)in)[at]);
    }
    v = tml_mbqm(sum - p->input_zero_point * p->count, p->multiplier, p->shift) +
        p->output_zero_point;
    if (element_bytes == 1) {
      ((int8_t *)out)[o.e] = (int8_t)tml_clamp(v, INT8_MIN, INT8_MAX);
    } else {
      ((int16_t *)out)[o.e] = (int16_t)tml_clamp(v, INT16_MIN, INT16_MAX);
    }
  }
}
