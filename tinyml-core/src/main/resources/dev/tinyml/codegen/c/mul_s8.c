/* MUL int8: zero-point-corrected product, one multiplier. */
typedef struct {
  int32_t input1_offset, input2_offset, output_offset;
  int32_t output_multiplier, output_shift, act_min, act_max;
} tml_mul_s8_params;

static void tml_mul_s8(const tml_mul_s8_params *p, const tml_broadcast *bc, const int8_t *x,
                       const int8_t *y, int8_t *out) {
  int32_t i0, i1, i2, i3;
  int32_t e = 0;
  for (i0 = 0; i0 < bc->dims[0]; i0++)
    for (i1 = 0; i1 < bc->dims[1]; i1++)
      for (i2 = 0; i2 < bc->dims[2]; i2++)
        for (i3 = 0; i3 < bc->dims[3]; i3++) {
          const int32_t a = i0 * bc->stride1[0] + i1 * bc->stride1[1] + i2 * bc->stride1[2] +
                            i3 * bc->stride1[3];
          const int32_t b = i0 * bc->stride2[0] + i1 * bc->stride2[1] + i2 * bc->stride2[2] +
                            i3 * bc->stride2[3];
          const int32_t prod = (p->input1_offset + x[a]) * (p->input2_offset + y[b]);
          const int32_t v =
              p->output_offset + tml_mbqm(prod, p->output_multiplier, p->output_shift);
          out[e++] = (int8_t)tml_clamp(v, p->act_min, p->act_max);
        }
}
