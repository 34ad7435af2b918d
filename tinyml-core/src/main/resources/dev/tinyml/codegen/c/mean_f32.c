/* MEAN float32 over any axes of a tensor of rank <= 4: per output (the kept axes, walked in
 * order), its inputs (the reduced axes, in order) summed, divided by the float count. */
typedef struct {
  tml_broadcast kept, reduced;
  int32_t count;
} tml_mean_f32_params;

static void tml_mean_f32(const tml_mean_f32_params *p, const float *in, float *out) {
  tml_walk o = {-1};
  while (tml_walk_next(&p->kept, &o)) {
    tml_walk r = {-1};
    float sum = 0.0f;
    while (tml_walk_next(&p->reduced, &r)) sum += in[o.x + r.x];
    out[o.e] = p->count > 0 ? sum / (float)p->count : sum;
  }
}
