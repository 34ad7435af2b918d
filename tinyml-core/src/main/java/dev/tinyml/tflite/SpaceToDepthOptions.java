package dev.tinyml.tflite;

/**
 * Options of SPACE_TO_DEPTH ({@code SpaceToDepthOptions} in the TFLite schema, union type 19).
 *
 * @param blockSize schema field {@code block_size} (default 0)
 */
public record SpaceToDepthOptions(int blockSize) implements BuiltinOptions {
  /** Union type code of {@code SpaceToDepthOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 19;
}
