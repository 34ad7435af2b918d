package dev.tinyml.tflite;

/**
 * Options of RESIZE_NEAREST_NEIGHBOR ({@code ResizeNearestNeighborOptions} in the TFLite schema,
 * union type 74).
 *
 * @param alignCorners schema field {@code align_corners} (default false)
 * @param halfPixelCenters schema field {@code half_pixel_centers} (default false)
 */
public record ResizeNearestNeighborOptions(boolean alignCorners, boolean halfPixelCenters)
    implements BuiltinOptions {
  /** Union type code of {@code ResizeNearestNeighborOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 74;
}
