package dev.tinyml.tflite;

/**
 * Options of RESIZE_BILINEAR (slots 0 and 1 are deprecated and not modelled) ({@code
 * ResizeBilinearOptions} in the TFLite schema, union type 15).
 *
 * @param alignCorners schema field {@code align_corners} (default false)
 * @param halfPixelCenters schema field {@code half_pixel_centers} (default false)
 */
public record ResizeBilinearOptions(@SchemaSlot(2) boolean alignCorners, boolean halfPixelCenters)
    implements BuiltinOptions {
  /** Union type code of {@code ResizeBilinearOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 15;
}
