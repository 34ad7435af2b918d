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
