/* MEAN over any axes of a tensor of rank <= 4: the kept axes (outer, in order) and the reduced
 * axes (inner, in order), each with extents and input strides, padded with extent-1 axes. */
typedef struct {
  int32_t outer[4], outer_stride[4], inner[4], inner_stride[4];
  int32_t count, input_zero_point, output_zero_point, multiplier, shift;
} tml_mean_params;
