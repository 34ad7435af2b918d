package dev.tinyml.tflite;

/**
 * Options of MUL ({@code MulOptions} in the TFLite schema, union type 21).
 *
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 */
public record MulOptions(ActivationFunctionType fusedActivation) implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public MulOptions {
    SchemaChecks.requireSet(MulOptions.class, fusedActivation);
  }

  /** Union type code of {@code MulOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 21;
}
