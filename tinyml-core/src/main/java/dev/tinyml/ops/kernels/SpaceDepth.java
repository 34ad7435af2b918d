package dev.tinyml.ops.kernels;

/**
 * SPACE_TO_DEPTH and DEPTH_TO_SPACE on NHWC tensors: blocks of {@code block x block} pixels become
 * channels and back, channel-major within a block as TFLM's reference kernels order them.
 */
public final class SpaceDepth {

  private SpaceDepth() {}

  /**
   * A planned rearrangement.
   *
   * @param outputShape the NHWC output shape
   * @param source flat input index of every flat output element
   */
  public record Plan(int[] outputShape, int[] source) {}

  /**
   * Plans SPACE_TO_DEPTH.
   *
   * @throws IllegalArgumentException when height or width is not a multiple of the block
   */
  public static Plan spaceToDepth(int[] inputShape, int block) {
    int[] s = nhwc(inputShape, block);
    if (s[1] % block != 0 || s[2] % block != 0) {
      throw new IllegalArgumentException(
          "height " + s[1] + " and width " + s[2] + " must be multiples of block size " + block);
    }
    int outH = s[1] / block;
    int outW = s[2] / block;
    int c = s[3];
    int outC = c * block * block;
    return plan(
        new int[] {s[0], outH, outW, outC},
        (b, y, x, oc) -> {
          int offset = oc / c;
          int iy = y * block + offset / block;
          int ix = x * block + offset % block;
          return ((b * s[1] + iy) * s[2] + ix) * c + oc % c;
        });
  }

  /**
   * Plans DEPTH_TO_SPACE.
   *
   * @throws IllegalArgumentException when the depth is not a multiple of {@code block * block}
   */
  public static Plan depthToSpace(int[] inputShape, int block) {
    int[] s = nhwc(inputShape, block);
    if (s[3] % (block * block) != 0) {
      throw new IllegalArgumentException(
          "depth " + s[3] + " must be a multiple of block size squared " + block * block);
    }
    int outH = s[1] * block;
    int outW = s[2] * block;
    int outC = s[3] / (block * block);
    return plan(
        new int[] {s[0], outH, outW, outC},
        (b, y, x, oc) -> {
          int ic = ((y % block) * block + x % block) * outC + oc;
          return ((b * s[1] + y / block) * s[2] + x / block) * s[3] + ic;
        });
  }

  private static int[] nhwc(int[] shape, int block) {
    if (shape.length != 4) {
      throw new IllegalArgumentException(
          "expected an NHWC tensor of rank 4, got rank " + shape.length);
    }
    if (block < 1) {
      throw new IllegalArgumentException("block size " + block + " must be at least 1");
    }
    return shape;
  }

  /** Rearranges {@code in} into {@code out} (same element type). */
  public static void eval(Plan plan, Object in, Object out) {
    ElementCopy.gather(plan.source(), in, out);
  }

  /** The input element an NHWC output element copies. */
  @FunctionalInterface
  private interface Source {
    int of(int b, int y, int x, int c);
  }

  /** The plan that fills every element of {@code outShape}, in NHWC order, from its source. */
  private static Plan plan(int[] outShape, Source source) {
    int[] sources = new int[Shapes.size(outShape)];
    int o = 0;
    for (int b = 0; b < outShape[0]; b++) {
      for (int y = 0; y < outShape[1]; y++) {
        for (int x = 0; x < outShape[2]; x++) {
          for (int c = 0; c < outShape[3]; c++) {
            sources[o++] = source.of(b, y, x, c);
          }
        }
      }
    }
    return new Plan(outShape, sources);
  }
}
