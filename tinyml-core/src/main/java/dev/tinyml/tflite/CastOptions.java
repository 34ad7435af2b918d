package dev.tinyml.tflite;

/**
 * Options of CAST ({@code CastOptions} in the TFLite schema, union type 37).
 *
 * @param inDataType schema field {@code in_data_type} (default TensorType.FLOAT32)
 * @param outDataType schema field {@code out_data_type} (default TensorType.FLOAT32)
 */
public record CastOptions(TensorType inDataType, TensorType outDataType) implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public CastOptions {
    SchemaChecks.requireSet(CastOptions.class, inDataType, outDataType);
  }

  /** Union type code of {@code CastOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 37;
}
