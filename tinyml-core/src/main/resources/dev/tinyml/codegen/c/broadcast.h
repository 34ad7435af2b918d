/* Four-dimensional broadcast of two inputs to an output: per axis, the output extent and each
 * input's stride (0 where the input has extent 1). */
typedef struct {
  int32_t dims[4];
  int32_t stride1[4];
  int32_t stride2[4];
} tml_broadcast;
