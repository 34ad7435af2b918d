package dev.tinyml.tflite;

/**
 * Options of UNPACK ({@code UnpackOptions} in the TFLite schema, union type 64).
 *
 * @param num schema field {@code num} (default 0)
 * @param axis schema field {@code axis} (default 0)
 */
public record UnpackOptions(int num, int axis) implements BuiltinOptions {
  /** Union type code of {@code UnpackOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 64;
}
