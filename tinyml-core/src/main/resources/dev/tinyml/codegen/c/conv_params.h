/* Geometry of CONV_2D and DEPTHWISE_CONV_2D (float32), NHWC. */
typedef struct {
  int32_t batches, in_h, in_w, in_c, out_h, out_w, out_c, k_h, k_w, filter_in_c;
  int32_t stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w;
  float float_min, float_max;
} tml_conv_f32_params;
