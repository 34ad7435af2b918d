/* ADD and SUB int8: inputs shifted left by left_shift, each rescaled to twice the larger input
 * scale, combined, rescaled to the output. sign is +1 for ADD, -1 for SUB. */
typedef struct {
  int32_t input1_offset, input2_offset, output_offset, left_shift;
  int32_t input1_multiplier, input1_shift, input2_multiplier, input2_shift;
  int32_t output_multiplier, output_shift, act_min, act_max, sign;
} tml_add_s8_params;

static int8_t tml_add_s8_one(const tml_add_s8_params *p, int32_t x, int32_t y) {
  const int32_t s1 = tml_shl(p->input1_offset + x, p->left_shift);
  const int32_t s2 = tml_shl(p->input2_offset + y, p->left_shift);
  const int32_t a = tml_mbqm_lt1(s1, p->input1_multiplier, p->input1_shift);
  const int32_t b = tml_mbqm_lt1(s2, p->input2_multiplier, p->input2_shift);
  const int32_t raw = p->sign > 0 ? a + b : a - b;
  const int32_t v = tml_mbqm_lt1(raw, p->output_multiplier, p->output_shift) + p->output_offset;
  return (int8_t)tml_clamp(v, p->act_min, p->act_max);
}

static void tml_add_s8(const tml_add_s8_params *p, const tml_broadcast *bc, const int8_t *x,
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
          out[e++] = tml_add_s8_one(p, x[a], y[b]);
        }
}
