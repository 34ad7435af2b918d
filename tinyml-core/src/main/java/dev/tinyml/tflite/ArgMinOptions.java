package dev.tinyml.tflite;

/**
 * Options of ARG_MIN ({@code ArgMinOptions} in the TFLite schema, union type 57).
 *
 * @param outputType schema field {@code output_type} (default TensorType.FLOAT32)
 */
public record ArgMinOptions(TensorType outputType) implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public ArgMinOptions {
    SchemaChecks.requireSet(ArgMinOptions.class, outputType);
  }

  /** Union type code of {@code ArgMinOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 57;
}
