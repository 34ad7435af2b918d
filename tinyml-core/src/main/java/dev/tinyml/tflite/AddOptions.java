package dev.tinyml.tflite;

/**
 * Options of ADD ({@code AddOptions} in the TFLite schema, union type 11).
 *
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param potScaleInt16 schema field {@code pot_scale_int16} (default true)
 */
public record AddOptions(
    ActivationFunctionType fusedActivation, @SchemaDefault(1) boolean potScaleInt16)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public AddOptions {
    SchemaChecks.requireSet(AddOptions.class, fusedActivation);
  }

  /** Union type code of {@code AddOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 11;
}
