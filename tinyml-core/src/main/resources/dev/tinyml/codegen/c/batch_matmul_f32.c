/* BATCH_MATMUL float32: each output the products summed along the depth from 0 upwards. */
static void tml_batch_matmul_f32(const tml_batch_matmul_params *p, const int32_t *lhs_start,
                                 const int32_t *rhs_start, const float *lhs, const float *rhs,
                                 float *out) {
  int32_t b, i, j, k;
  for (b = 0; b < p->batches; b++) {
    for (i = 0; i < p->rows; i++) {
      for (j = 0; j < p->cols; j++) {
        const float *l = lhs + lhs_start[b] + i * p->lhs_row_stride;
        const float *r = rhs + rhs_start[b] + j * p->rhs_col_stride;
        float total = 0.0f;
        for (k = 0; k < p->depth; k++) {
          total += l[k * p->lhs_depth_stride] * r[k * p->rhs_depth_stride];
        }
        *out++ = total;
      }
    }
  }
}
