package dev.tinyml.ops.kernels;

/**
 * RESIZE_NEAREST_NEIGHBOR (any element type) and RESIZE_BILINEAR (float, and int8 in 10-bit fixed
 * point) on NHWC tensors, as TFLite's reference kernels, with both {@code align_corners} and {@code
 * half_pixel_centers}.
 */
public final class Resize {

  private Resize() {}

  /**
   * The geometry of a resize.
   *
   * @param batches batch count
   * @param inHeight input height
   * @param inWidth input width
   * @param depth channels
   * @param outHeight output height
   * @param outWidth output width
   * @param alignCorners map corner pixel centres onto each other
   * @param halfPixelCenters sample at pixel centres
   */
  public record Geometry(
      int batches,
      int inHeight,
      int inWidth,
      int depth,
      int outHeight,
      int outWidth,
      boolean alignCorners,
      boolean halfPixelCenters) {

    /** The NHWC output shape. */
    public int[] outputShape() {
      return new int[] {batches, outHeight, outWidth, depth};
    }
  }

  /**
   * The geometry for an NHWC input and the {@code size} input's height and width.
   *
   * @throws IllegalArgumentException when the input is not NHWC, a size is not positive, or both
   *     flags are set (TFLite refuses that combination)
   */
  public static Geometry geometry(
      int[] inputShape, int outHeight, int outWidth, boolean alignCorners, boolean halfPixel) {
    if (inputShape.length != 4) {
      throw new IllegalArgumentException(
          "resize needs an NHWC input of rank 4, got rank " + inputShape.length);
    }
    if (outHeight <= 0 || outWidth <= 0) {
      throw new IllegalArgumentException(
          "resize size " + outHeight + "x" + outWidth + " must be positive");
    }
    if (alignCorners && halfPixel) {
      throw new IllegalArgumentException(
          "align_corners and half_pixel_centers cannot both be true");
    }
    return new Geometry(
        inputShape[0],
        inputShape[1],
        inputShape[2],
        inputShape[3],
        outHeight,
        outWidth,
        alignCorners,
        halfPixel);
  }

  private static int nearest(int v, int inSize, int outSize, boolean align, boolean half) {
    float scale =
        (align && outSize > 1) ? (inSize - 1) / (float) (outSize - 1) : inSize / (float) outSize;
    float offset = half ? 0.5f : 0f;
    float scaled = (v + offset) * scale;
    int r =
        Math.min(
            align ? (int) FixedPoint.roundHalfAway(scaled) : (int) Math.floor(scaled), inSize - 1);
    return half ? Math.max(0, r) : r;
  }

  /** The flat input index of every output element of RESIZE_NEAREST_NEIGHBOR. */
  public static int[] nearestSource(Geometry g) {
    int[] source = new int[g.batches() * g.outHeight() * g.outWidth() * g.depth()];
    int o = 0;
    for (int b = 0; b < g.batches(); b++) {
      for (int y = 0; y < g.outHeight(); y++) {
        int iy = nearest(y, g.inHeight(), g.outHeight(), g.alignCorners(), g.halfPixelCenters());
        for (int x = 0; x < g.outWidth(); x++) {
          int ix = nearest(x, g.inWidth(), g.outWidth(), g.alignCorners(), g.halfPixelCenters());
          int base = ((b * g.inHeight() + iy) * g.inWidth() + ix) * g.depth();
          for (int c = 0; c < g.depth(); c++) {
            source[o++] = base + c;
          }
        }
      }
    }
    return source;
  }

  /** RESIZE_NEAREST_NEIGHBOR of any element type, through {@link #nearestSource}. */
  public static void nearest(int[] source, Object in, Object out) {
    ElementCopy.gather(source, in, out);
  }

  private static float floatScale(int in, int out, boolean align) {
    return (align && out > 1) ? (float) (in - 1) / (out - 1) : (float) in / out;
  }

  /** Float RESIZE_BILINEAR, summing the four weighted corners in TFLite's order. */
  public static void bilinear(Geometry g, float[] in, float[] out) {
    float hScale = floatScale(g.inHeight(), g.outHeight(), g.alignCorners());
    float wScale = floatScale(g.inWidth(), g.outWidth(), g.alignCorners());
    int o = 0;
    for (int b = 0; b < g.batches(); b++) {
      for (int y = 0; y < g.outHeight(); y++) {
        float iy = g.halfPixelCenters() ? (y + 0.5f) * hScale - 0.5f : y * hScale;
        int y0 = Math.max((int) Math.floor(iy), 0);
        int y1 = Math.min((int) Math.ceil(iy), g.inHeight() - 1);
        for (int x = 0; x < g.outWidth(); x++) {
          float ix = g.halfPixelCenters() ? (x + 0.5f) * wScale - 0.5f : x * wScale;
          int x0 = Math.max((int) Math.floor(ix), 0);
          int x1 = Math.min((int) Math.ceil(ix), g.inWidth() - 1);
          float dy = iy - y0;
          float dx = ix - x0;
          int r0 = (b * g.inHeight() + y0) * g.inWidth();
          int r1 = (b * g.inHeight() + y1) * g.inWidth();
          for (int c = 0; c < g.depth(); c++) {
            float v00 = in[(r0 + x0) * g.depth() + c];
            float v10 = in[(r1 + x0) * g.depth() + c];
            float v01 = in[(r0 + x1) * g.depth() + c];
            float v11 = in[(r1 + x1) * g.depth() + c];
            out[o++] =
                v00 * (1 - dy) * (1 - dx)
                    + v10 * dy * (1 - dx)
                    + v01 * (1 - dy) * dx
                    + v11 * dy * dx
                    + 0f; // TFLite adds its (zero) float rounding offset, turning -0 into +0
          }
        }
      }
    }
  }

  private static int scale10(int in, int out, boolean align) {
    if (align && out > 1) {
      return ((1 << 10) * (in - 1) + (out - 1) / 2) / (out - 1);
    }
    return ((1 << 10) * in + out / 2) / out;
  }

  /** Int8 RESIZE_BILINEAR: positions and weights in Q10, rounding half away from zero. */
  public static void bilinear(Geometry g, byte[] in, byte[] out) {
    int hScale = scale10(g.inHeight(), g.outHeight(), g.alignCorners());
    int wScale = scale10(g.inWidth(), g.outWidth(), g.alignCorners());
    int o = 0;
    for (int b = 0; b < g.batches(); b++) {
      for (int y = 0; y < g.outHeight(); y++) {
        int iy = g.halfPixelCenters() ? y * hScale + hScale / 2 - (1 << 9) : y * hScale;
        int y0 = Math.max(iy / (1 << 10), 0);
        int y1 = Math.min((iy + (1 << 10) - 1) / (1 << 10), g.inHeight() - 1);
        for (int x = 0; x < g.outWidth(); x++) {
          int ix = g.halfPixelCenters() ? x * wScale + wScale / 2 - (1 << 9) : x * wScale;
          int x0 = Math.max(ix / (1 << 10), 0);
          int x1 = Math.min((ix + (1 << 10) - 1) / (1 << 10), g.inWidth() - 1);
          long fy = iy - (1 << 10) * y0;
          long fx = ix - (1 << 10) * x0;
          int r0 = (b * g.inHeight() + y0) * g.inWidth();
          int r1 = (b * g.inHeight() + y1) * g.inWidth();
          for (int c = 0; c < g.depth(); c++) {
            long sum =
                (long) in[(r0 + x0) * g.depth() + c] * ((1 << 10) - fy) * ((1 << 10) - fx)
                    + (long) in[(r1 + x0) * g.depth() + c] * fy * ((1 << 10) - fx)
                    + (long) in[(r0 + x1) * g.depth() + c] * ((1 << 10) - fy) * fx
                    + (long) in[(r1 + x1) * g.depth() + c] * fy * fx;
            long round = sum > 0 ? (1 << 19) : -(1 << 19);
            out[o++] = (byte) ((sum + round) / (1 << 20));
          }
        }
      }
    }
  }
}
