/* ADD (op 0), SUB (1) and MUL (2) float32 with broadcasting, then the fused clamp. */
static void tml_arithmetic_f32(int32_t op, const tml_broadcast *bc, const float *x,
                               const float *y, float float_min, float float_max, float *out) {
  int32_t i0, i1, i2, i3;
  int32_t e = 0;
  for (i0 = 0; i0 < bc->dims[0]; i0++)
    for (i1 = 0; i1 < bc->dims[1]; i1++)
      for (i2 = 0; i2 < bc->dims[2]; i2++)
        for (i3 = 0; i3 < bc->dims[3]; i3++) {
          const float a = x[i0 * bc->stride1[0] + i1 * bc->stride1[1] + i2 * bc->stride1[2] +
                            i3 * bc->stride1[3]];
          const float b = y[i0 * bc->stride2[0] + i1 * bc->stride2[1] + i2 * bc->stride2[2] +
                            i3 * bc->stride2[3]];
          const float v = op == 0 ? a + b : (op == 1 ? a - b : a * b);
          out[e++] = tml_clampf(v, float_min, float_max);
        }
}
