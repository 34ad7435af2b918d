/* Parameters of AVERAGE_POOL_2D and MAX_POOL_2D over NHWC tensors. */
typedef struct {
  int32_t batches, in_h, in_w, channels, out_h, out_w, filter_h, filter_w;
  int32_t stride_h, stride_w, pad_h, pad_w;
  int32_t act_min, act_max;
  float float_min, float_max;
} tml_pool_params;
