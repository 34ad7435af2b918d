package dev.tinyml.tflite;

/**
 * Options of SHAPE ({@code ShapeOptions} in the TFLite schema, union type 55).
 *
 * @param outType schema field {@code out_type} (default TensorType.FLOAT32)
 */
public record ShapeOptions(TensorType outType) implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public ShapeOptions {
    SchemaChecks.requireSet(ShapeOptions.class, outType);
  }

  /** Union type code of {@code ShapeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 55;
}
