/* MEAN int8: per output, the sum of its inputs minus zp * count, times one multiplier (1/count
 * folded in), plus the output zero point. */
static void tml_mean_s8(const tml_mean_params *p, const int8_t *in, int8_t *out) {
  int32_t a0, a1, a2, a3, b0, b1, b2, b3;
  int32_t o = 0;
  for (a0 = 0; a0 < p->outer[0]; a0++)
    for (a1 = 0; a1 < p->outer[1]; a1++)
      for (a2 = 0; a2 < p->outer[2]; a2++)
        for (a3 = 0; a3 < p->outer[3]; a3++) {
          const int8_t *base = in + a0 * p->outer_stride[0] + a1 * p->outer_stride[1] +
                               a2 * p->outer_stride[2] + a3 * p->outer_stride[3];
          int32_t sum = 0;
          int32_t v;
          for (b0 = 0; b0 < p->inner[0]; b0++)
            for (b1 = 0; b1 < p->inner[1]; b1++)
              for (b2 = 0; b2 < p->inner[2]; b2++)
                for (b3 = 0; b3 < p->inner[3]; b3++)
                  sum += base[b0 * p->inner_stride[0] + b1 * p->inner_stride[1] +
                              b2 * p->inner_stride[2] + b3 * p->inner_stride[3]];
          v = tml_mbqm(sum - p->input_zero_point * p->count, p->multiplier, p->shift) +
              p->output_zero_point;
          out[o++] = (int8_t)tml_clamp(v, -128, 127);
        }
}
