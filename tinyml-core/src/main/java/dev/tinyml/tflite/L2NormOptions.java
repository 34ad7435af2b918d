package dev.tinyml.tflite;

/**
 * Options of L2_NORMALIZATION ({@code L2NormOptions} in the TFLite schema, union type 12).
 *
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 */
public record L2NormOptions(ActivationFunctionType fusedActivation) implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public L2NormOptions {
    SchemaChecks.requireSet(L2NormOptions.class, fusedActivation);
  }

  /** Union type code of {@code L2NormOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 12;
}
