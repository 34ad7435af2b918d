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

  /**
   * Where the output rows (or columns) of float RESIZE_BILINEAR sample one input axis: for output
   * position {@code i}, the lower and upper input index and the upper one's weight (the lower one
   * weighs {@code 1 - weight}).
   *
   * @param lower the lower input index of each output position
   * @param upper the upper input index
   * @param weight the upper index's weight
   */
  public record FloatAxis(int[] lower, int[] upper, float[] weight) {}

  /**
   * The same for int8 RESIZE_BILINEAR, weights in Q10 (the lower index weighs {@code 1024 -
   * weight}).
   *
   * @param lower the lower input index of each output position
   * @param upper the upper input index
   * @param weight the upper index's weight in Q10
   */
  public record FixedAxis(int[] lower, int[] upper, int[] weight) {}

  private static float floatScale(int in, int out, boolean align) {
    return (align && out > 1) ? (float) (in - 1) / (out - 1) : (float) in / out;
  }

  /** The float kernel's samples of an axis of {@code in} input and {@code out} output positions. */
  public static FloatAxis floatAxis(int in, int out, boolean align, boolean halfPixel) {
    float scale = floatScale(in, out, align);
    FloatAxis a = new FloatAxis(new int[out], new int[out], new float[out]);
    for (int i = 0; i < out; i++) {
      float position = halfPixel ? (i + 0.5f) * scale - 0.5f : i * scale;
      a.lower[i] = Math.max((int) Math.floor(position), 0);
      a.upper[i] = Math.min((int) Math.ceil(position), in - 1);
      a.weight[i] = position - a.lower[i];
    }
    return a;
  }

  /** Float RESIZE_BILINEAR, summing the four weighted corners in TFLite's order. */
  public static void bilinear(Geometry g, float[] in, float[] out) {
    FloatAxis ys = floatAxis(g.inHeight(), g.outHeight(), g.alignCorners(), g.halfPixelCenters());
    FloatAxis xs = floatAxis(g.inWidth(), g.outWidth(), g.alignCorners(), g.halfPixelCenters());
    int o = 0;
    for (int b = 0; b < g.batches(); b++) {
      for (int y = 0; y < g.outHeight(); y++) {
        float dy = ys.weight[y];
        int r0 = (b * g.inHeight() + ys.lower[y]) * g.inWidth();
        int r1 = (b * g.inHeight() + ys.upper[y]) * g.inWidth();
        for (int x = 0; x < g.outWidth(); x++) {
          int x0 = xs.lower[x];
          int x1 = xs.upper[x];
          float dx = xs.weight[x];
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

  /** The int8 kernel's samples of an axis: positions and weights in Q10. */
  public static FixedAxis fixedAxis(int in, int out, boolean align, boolean halfPixel) {
    int scale = scale10(in, out, align);
    FixedAxis a = new FixedAxis(new int[out], new int[out], new int[out]);
    for (int i = 0; i < out; i++) {
      int position = halfPixel ? i * scale + scale / 2 - (1 << 9) : i * scale;
      a.lower[i] = Math.max(position / (1 << 10), 0);
      a.upper[i] = Math.min((position + (1 << 10) - 1) / (1 << 10), in - 1);
      a.weight[i] = position - (1 << 10) * a.lower[i];
    }
    return a;
  }

  /** Int8 RESIZE_BILINEAR: positions and weights in Q10, rounding half away from zero. */
  public static void bilinear(Geometry g, byte[] in, byte[] out) {
    FixedAxis ys = fixedAxis(g.inHeight(), g.outHeight(), g.alignCorners(), g.halfPixelCenters());
    FixedAxis xs = fixedAxis(g.inWidth(), g.outWidth(), g.alignCorners(), g.halfPixelCenters());
    int o = 0;
    for (int b = 0; b < g.batches(); b++) {
      for (int y = 0; y < g.outHeight(); y++) {
        long fy = ys.weight[y];
        int r0 = (b * g.inHeight() + ys.lower[y]) * g.inWidth();
        int r1 = (b * g.inHeight() + ys.upper[y]) * g.inWidth();
        for (int x = 0; x < g.outWidth(); x++) {
          int x0 = xs.lower[x];
          int x1 = xs.upper[x];
          long fx = xs.weight[x];
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
