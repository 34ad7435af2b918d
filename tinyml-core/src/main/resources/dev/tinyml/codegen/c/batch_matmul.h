/* BATCH_MATMUL out[b] = lhs[b] x rhs[b] over broadcast batch axes and adjoints: the planner gives
 * each output batch's lhs and rhs start (lhs_start, rhs_start) and the strides between rows, columns
 * and depth steps, so one walk serves every layout. Outputs come in (batch, row, column) order. */
typedef struct {
  int32_t batches, rows, cols, depth;
  int32_t lhs_row_stride, lhs_depth_stride, rhs_depth_stride, rhs_col_stride;
  int32_t lhs_offset, rhs_offset, output_offset, multiplier, shift;
} tml_batch_matmul_params;
