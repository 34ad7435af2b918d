package dev.tinyml.tflite;

/**
 * Options of FULLY_CONNECTED ({@code FullyConnectedOptions} in the TFLite schema, union type 8).
 *
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param weightsFormat schema field {@code weights_format} (default
 *     FullyConnectedOptionsWeightsFormat.DEFAULT)
 * @param keepNumDims schema field {@code keep_num_dims} (default false)
 * @param asymmetricQuantizeInputs schema field {@code asymmetric_quantize_inputs} (default false)
 * @param quantizedBiasType schema field {@code quantized_bias_type} (default TensorType.FLOAT32,
 *     meaning "not set")
 */
public record FullyConnectedOptions(
    ActivationFunctionType fusedActivation,
    FullyConnectedOptionsWeightsFormat weightsFormat,
    boolean keepNumDims,
    boolean asymmetricQuantizeInputs,
    TensorType quantizedBiasType)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public FullyConnectedOptions {
    SchemaChecks.requireSet(
        FullyConnectedOptions.class, fusedActivation, weightsFormat, quantizedBiasType);
  }

  /** Union type code of {@code FullyConnectedOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 8;
}
