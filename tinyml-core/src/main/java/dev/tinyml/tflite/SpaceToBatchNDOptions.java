package dev.tinyml.tflite;

/**
 * Options of SPACE_TO_BATCH_ND ({@code SpaceToBatchNDOptions} in the TFLite schema, union type 25).
 */
public record SpaceToBatchNDOptions() implements BuiltinOptions {
  /** Union type code of {@code SpaceToBatchNDOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 25;
}
