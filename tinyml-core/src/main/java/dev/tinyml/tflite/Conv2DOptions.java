package dev.tinyml.tflite;

/**
 * Options of CONV_2D ({@code Conv2DOptions} in the TFLite schema, union type 1).
 *
 * @param padding schema field {@code padding} (default Padding.SAME)
 * @param strideW schema field {@code stride_w} (default 0)
 * @param strideH schema field {@code stride_h} (default 0)
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param dilationWFactor schema field {@code dilation_w_factor} (default 1)
 * @param dilationHFactor schema field {@code dilation_h_factor} (default 1)
 * @param quantizedBiasType schema field {@code quantized_bias_type} (default TensorType.FLOAT32,
 *     meaning "not set")
 */
public record Conv2DOptions(
    Padding padding,
    int strideW,
    int strideH,
    ActivationFunctionType fusedActivation,
    @SchemaDefault(1) int dilationWFactor,
    @SchemaDefault(1) int dilationHFactor,
    TensorType quantizedBiasType)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public Conv2DOptions {
    SchemaChecks.requireSet(Conv2DOptions.class, padding, fusedActivation, quantizedBiasType);
  }

  /** Union type code of {@code Conv2DOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 1;
}
