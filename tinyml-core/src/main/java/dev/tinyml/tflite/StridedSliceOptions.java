package dev.tinyml.tflite;

/**
 * Options of STRIDED_SLICE ({@code StridedSliceOptions} in the TFLite schema, union type 32).
 *
 * @param beginMask schema field {@code begin_mask} (default 0)
 * @param endMask schema field {@code end_mask} (default 0)
 * @param ellipsisMask schema field {@code ellipsis_mask} (default 0)
 * @param newAxisMask schema field {@code new_axis_mask} (default 0)
 * @param shrinkAxisMask schema field {@code shrink_axis_mask} (default 0)
 * @param offset schema field {@code offset} (default false)
 */
public record StridedSliceOptions(
    int beginMask,
    int endMask,
    int ellipsisMask,
    int newAxisMask,
    int shrinkAxisMask,
    boolean offset)
    implements BuiltinOptions {
  /** Union type code of {@code StridedSliceOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 32;
}
