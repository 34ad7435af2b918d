package dev.tinyml.tflite;

/**
 * Options of DEPTH_TO_SPACE ({@code DepthToSpaceOptions} in the TFLite schema, union type 94).
 *
 * @param blockSize schema field {@code block_size} (default 0)
 */
public record DepthToSpaceOptions(int blockSize) implements BuiltinOptions {
  /** Union type code of {@code DepthToSpaceOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 94;
}
