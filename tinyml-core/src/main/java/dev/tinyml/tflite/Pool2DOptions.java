package dev.tinyml.tflite;

/**
 * Options of AVERAGE_POOL_2D, MAX_POOL_2D and L2_POOL_2D ({@code Pool2DOptions} in the TFLite
 * schema, union type 5).
 *
 * @param padding schema field {@code padding} (default Padding.SAME)
 * @param strideW schema field {@code stride_w} (default 0)
 * @param strideH schema field {@code stride_h} (default 0)
 * @param filterWidth schema field {@code filter_width} (default 0)
 * @param filterHeight schema field {@code filter_height} (default 0)
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 */
public record Pool2DOptions(
    Padding padding,
    int strideW,
    int strideH,
    int filterWidth,
    int filterHeight,
    ActivationFunctionType fusedActivation)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public Pool2DOptions {
    SchemaChecks.requireSet(Pool2DOptions.class, padding, fusedActivation);
  }

  /** Union type code of {@code Pool2DOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 5;
}
