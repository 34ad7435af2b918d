/* SUM int32 over any axes of a tensor of rank <= 4, wrapping on overflow as the interpreter. */
static void tml_sum_s32(const tml_broadcast *kept, const tml_broadcast *reduced,
                        const int32_t *in, int32_t *out) {
  tml_walk o = {-1};
  while (tml_walk_next(kept, &o)) {
    tml_walk r = {-1};
    int32_t acc = 0;
    while (tml_walk_next(reduced, &r)) acc = tml_wrapping_add(acc, in[o.x + r.x]);
    out[o.e] = acc;
  }
}
