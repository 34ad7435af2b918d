package dev.tinyml.tflite;

/**
 * Options of SVDF ({@code SVDFOptions} in the TFLite schema, union type 6).
 *
 * @param rank schema field {@code rank} (default 0)
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param asymmetricQuantizeInputs schema field {@code asymmetric_quantize_inputs} (default false)
 */
public record SVDFOptions(
    int rank, ActivationFunctionType fusedActivation, boolean asymmetricQuantizeInputs)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public SVDFOptions {
    SchemaChecks.requireSet(SVDFOptions.class, fusedActivation);
  }

  /** Union type code of {@code SVDFOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 6;
}
