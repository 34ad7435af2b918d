/* SUM (kind 0), REDUCE_MAX (1) and REDUCE_MIN (2) float32 over any axes of a tensor of rank <= 4:
 * per output (the kept axes, walked in order) its inputs (the reduced axes, in order) folded into
 * a start of 0, -FLT_MAX or FLT_MAX, in the interpreter's order. A value replaces the extreme only
 * when it compares beyond it, so NaN is never picked. */
static void tml_reduce_f32(int32_t kind, const tml_broadcast *kept, const tml_broadcast *reduced,
                           const float *in, float *out) {
  tml_walk o = {-1};
  while (tml_walk_next(kept, &o)) {
    tml_walk r = {-1};
    float acc = kind == 0 ? 0.0f : (kind == 1 ? -3.40282347e+38f : 3.40282347e+38f);
    while (tml_walk_next(reduced, &r)) {
      const float v = in[o.x + r.x];
      if (kind == 0) {
        acc = v + acc;
      } else if (kind == 1 ? v > acc : v < acc) {
        acc = v;
      }
    }
    out[o.e] = acc;
  }
}
