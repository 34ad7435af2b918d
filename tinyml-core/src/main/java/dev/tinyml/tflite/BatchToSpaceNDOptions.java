package dev.tinyml.tflite;

/**
 * Options of BATCH_TO_SPACE_ND ({@code BatchToSpaceNDOptions} in the TFLite schema, union type 24).
 */
public record BatchToSpaceNDOptions() implements BuiltinOptions {
  /** Union type code of {@code BatchToSpaceNDOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 24;
}
