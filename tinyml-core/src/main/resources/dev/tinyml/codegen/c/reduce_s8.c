/* REDUCE_MAX (max 1) and REDUCE_MIN (max 0) of raw int8 values over any axes of a tensor of rank
 * <= 4: input and output share one quantization. */
static void tml_reduce_s8(int32_t max, const tml_broadcast *kept, const tml_broadcast *reduced,
                          const int8_t *in, int8_t *out) {
  tml_walk o = {-1};
  while (tml_walk_next(kept, &o)) {
    tml_walk r = {-1};
    int8_t acc = max ? INT8_MIN : INT8_MAX;
    while (tml_walk_next(reduced, &r)) {
      const int8_t v = in[o.x + r.x];
      if (max ? v > acc : v < acc) acc = v;
    }
    out[o.e] = acc;
  }
}
