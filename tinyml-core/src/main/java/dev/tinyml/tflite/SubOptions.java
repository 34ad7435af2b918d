package dev.tinyml.tflite;

/**
 * Options of SUB ({@code SubOptions} in the TFLite schema, union type 28).
 *
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param potScaleInt16 schema field {@code pot_scale_int16} (default true)
 */
public record SubOptions(
    ActivationFunctionType fusedActivation, @SchemaDefault(1) boolean potScaleInt16)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public SubOptions {
    SchemaChecks.requireSet(SubOptions.class, fusedActivation);
  }

  /** Union type code of {@code SubOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 28;
}
