/* MEAN float32: per output, its inputs summed in input order, divided by the float count. */
static void tml_mean_f32(const tml_mean_params *p, const float *in, float *out) {
  int32_t a0, a1, a2, a3, b0, b1, b2, b3;
  int32_t o = 0;
  for (a0 = 0; a0 < p->outer[0]; a0++)
    for (a1 = 0; a1 < p->outer[1]; a1++)
      for (a2 = 0; a2 < p->outer[2]; a2++)
        for (a3 = 0; a3 < p->outer[3]; a3++) {
          const float *base = in + a0 * p->outer_stride[0] + a1 * p->outer_stride[1] +
                              a2 * p->outer_stride[2] + a3 * p->outer_stride[3];
          float sum = 0.0f;
          for (b0 = 0; b0 < p->inner[0]; b0++)
            for (b1 = 0; b1 < p->inner[1]; b1++)
              for (b2 = 0; b2 < p->inner[2]; b2++)
                for (b3 = 0; b3 < p->inner[3]; b3++)
                  sum += base[b0 * p->inner_stride[0] + b1 * p->inner_stride[1] +
                              b2 * p->inner_stride[2] + b3 * p->inner_stride[3]];
          out[o++] = p->count > 0 ? sum / (float)p->count : sum;
        }
}
