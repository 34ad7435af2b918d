package dev.tinyml.tflite;

/**
 * Options of TRANSPOSE_CONV ({@code TransposeConvOptions} in the TFLite schema, union type 49).
 *
 * @param padding schema field {@code padding} (default Padding.SAME)
 * @param strideW schema field {@code stride_w} (default 0)
 * @param strideH schema field {@code stride_h} (default 0)
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param quantizedBiasType schema field {@code quantized_bias_type} (default TensorType.FLOAT32,
 *     meaning "not set")
 */
public record TransposeConvOptions(
    Padding padding,
    int strideW,
    int strideH,
    ActivationFunctionType fusedActivation,
    TensorType quantizedBiasType)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public TransposeConvOptions {
    SchemaChecks.requireSet(
        TransposeConvOptions.class, padding, fusedActivation, quantizedBiasType);
  }

  /** Union type code of {@code TransposeConvOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 49;
}
