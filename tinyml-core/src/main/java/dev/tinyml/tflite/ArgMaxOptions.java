package dev.tinyml.tflite;

/**
 * Options of ARG_MAX ({@code ArgMaxOptions} in the TFLite schema, union type 40).
 *
 * @param outputType schema field {@code output_type} (default TensorType.FLOAT32)
 */
public record ArgMaxOptions(TensorType outputType) implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public ArgMaxOptions {
    SchemaChecks.requireSet(ArgMaxOptions.class, outputType);
  }

  /** Union type code of {@code ArgMaxOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 40;
}
