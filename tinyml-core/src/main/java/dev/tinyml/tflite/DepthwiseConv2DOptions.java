package dev.tinyml.tflite;

/**
 * Options of DEPTHWISE_CONV_2D ({@code DepthwiseConv2DOptions} in the TFLite schema, union type 2).
 *
 * @param padding schema field {@code padding} (default Padding.SAME)
 * @param strideW schema field {@code stride_w} (default 0)
 * @param strideH schema field {@code stride_h} (default 0)
 * @param depthMultiplier schema field {@code depth_multiplier} (default 0)
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param dilationWFactor schema field {@code dilation_w_factor} (default 1)
 * @param dilationHFactor schema field {@code dilation_h_factor} (default 1)
 */
public record DepthwiseConv2DOptions(
    Padding padding,
    int strideW,
    int strideH,
    int depthMultiplier,
    ActivationFunctionType fusedActivation,
    @SchemaDefault(1) int dilationWFactor,
    @SchemaDefault(1) int dilationHFactor)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public DepthwiseConv2DOptions {
    SchemaChecks.requireSet(DepthwiseConv2DOptions.class, padding, fusedActivation);
  }

  /** Union type code of {@code DepthwiseConv2DOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 2;
}
