/* BATCH_MATMUL int8: each output the int32 sum of (rhs + rhs_offset) * (lhs + lhs_offset) along
 * the depth, requantized by one multiplier, offset and clamped to int8. */
static void tml_batch_matmul_s8(const tml_batch_matmul_params *p, const int32_t *lhs_start,
                                const int32_t *rhs_start, const int8_t *lhs, const int8_t *rhs,
                                int8_t *out) {
  int32_t b, i, j, k;
  for (b = 0; b < p->batches; b++) {
    for (i = 0; i < p->rows; i++) {
      for (j = 0; j < p->cols; j++) {
        const int8_t *l = lhs + lhs_start[b] + i * p->lhs_row_stride;
        const int8_t *r = rhs + rhs_start[b] + j * p->rhs_col_stride;
        int32_t total = 0;
        for (k = 0; k < p->depth; k++) {
          total += (r[k * p->rhs_depth_stride] + p->rhs_offset) *
                   (l[k * p->lhs_depth_stride] + p->lhs_offset);
        }
        *out++ = (int8_t)tml_clamp(
            tml_mbqm(total, p->multiplier, p->shift) + p->output_offset, -128, 127);
      }
    }
  }
}
