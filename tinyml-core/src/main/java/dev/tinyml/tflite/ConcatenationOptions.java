package dev.tinyml.tflite;

/**
 * Options of CONCATENATION ({@code ConcatenationOptions} in the TFLite schema, union type 10).
 *
 * @param axis schema field {@code axis} (default 0)
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 */
public record ConcatenationOptions(int axis, ActivationFunctionType fusedActivation)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public ConcatenationOptions {
    SchemaChecks.requireSet(ConcatenationOptions.class, fusedActivation);
  }

  /** Union type code of {@code ConcatenationOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 10;
}
