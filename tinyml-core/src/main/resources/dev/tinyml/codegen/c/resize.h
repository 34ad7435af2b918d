/* The geometry of RESIZE_BILINEAR (NHWC). The generator plans where each output row and column
 * samples (the Java kernel's Resize.floatAxis/fixedAxis): per axis an index table holding the
 * lower input index of every output position, then the upper one, and a weight table holding the
 * upper index's weight. */
typedef struct {
  int32_t batches, in_h, in_w, depth, out_h, out_w;
} tml_resize_params;
