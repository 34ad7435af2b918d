package dev.tinyml.tflite;

/**
 * Options of DIV ({@code DivOptions} in the TFLite schema, union type 29).
 *
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 */
public record DivOptions(ActivationFunctionType fusedActivation) implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public DivOptions {
    SchemaChecks.requireSet(DivOptions.class, fusedActivation);
  }

  /** Union type code of {@code DivOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 29;
}
