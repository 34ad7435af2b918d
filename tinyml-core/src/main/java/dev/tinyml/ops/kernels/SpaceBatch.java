package dev.tinyml.ops.kernels;

/**
 * SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND on tensors of rank 3 ({@code [batch, width, channels]})
 * or 4 ({@code [batch, height, width, channels]}), as TFLM's reference kernels: a rank-3 tensor's
 * one spatial axis is the height (width 1), and padding takes the output's zero point.
 */
public final class SpaceBatch {

  private SpaceBatch() {}

  /**
   * A planned rearrangement.
   *
   * @param outputShape the output shape (same rank as the input)
   * @param source flat input index of every flat output element, -1 where the output is padding
   */
  public record Plan(int[] outputShape, int[] source) {}

  /**
   * Plans SPACE_TO_BATCH_ND.
   *
   * @param block block extent per spatial axis (1 or 2 entries)
   * @param paddings before and after per spatial axis
   * @throws IllegalArgumentException when a padded spatial extent is not a multiple of its block
   */
  public static Plan spaceToBatch(int[] inputShape, int[] block, int[] paddings) {
    int[] in = asRank4(inputShape, block);
    int[] bl = blocks(inputShape, block);
    int[] pad = asFourEdges(inputShape, paddings);
    int paddedH = in[1] + pad[0] + pad[1];
    int paddedW = in[2] + pad[2] + pad[3];
    if (paddedH % bl[0] != 0 || paddedW % bl[1] != 0) {
      throw new IllegalArgumentException(
          "padded spatial extents "
              + paddedH
              + "x"
              + paddedW
              + " are not multiples of the block "
              + bl[0]
              + "x"
              + bl[1]);
    }
    int outB = in[0] * bl[0] * bl[1];
    int outH = paddedH / bl[0];
    int outW = paddedW / bl[1];
    int c = in[3];
    int[] source = new int[outB * outH * outW * c];
    int o = 0;
    for (int ob = 0; ob < outB; ob++) {
      int ib = ob % in[0];
      int shiftW = (ob / in[0]) % bl[1];
      int shiftH = (ob / in[0]) / bl[1];
      for (int y = 0; y < outH; y++) {
        int iy = y * bl[0] + shiftH - pad[0];
        for (int x = 0; x < outW; x++) {
          int ix = x * bl[1] + shiftW - pad[2];
          boolean inside = iy >= 0 && iy < in[1] && ix >= 0 && ix < in[2];
          for (int k = 0; k < c; k++) {
            source[o++] = inside ? ((ib * in[1] + iy) * in[2] + ix) * c + k : -1;
          }
        }
      }
    }
    int[] outShape =
        inputShape.length == 3 ? new int[] {outB, outH, c} : new int[] {outB, outH, outW, c};
    return new Plan(outShape, source);
  }

  /**
   * Plans BATCH_TO_SPACE_ND.
   *
   * @param block block extent per spatial axis (1 or 2 entries)
   * @param crops cropped before and after per spatial axis
   * @throws IllegalArgumentException when the batch is not a multiple of the block's size
   */
  public static Plan batchToSpace(int[] inputShape, int[] block, int[] crops) {
    int[] in = asRank4(inputShape, block);
    int[] bl = blocks(inputShape, block);
    int[] crop = asFourEdges(inputShape, crops);
    if (in[0] % (bl[0] * bl[1]) != 0) {
      throw new IllegalArgumentException(
          "batch " + in[0] + " is not a multiple of the block size " + bl[0] * bl[1]);
    }
    int outB = in[0] / (bl[0] * bl[1]);
    int outH = in[1] * bl[0] - crop[0] - crop[1];
    int outW = in[2] * bl[1] - crop[2] - crop[3];
    if (outH < 0 || outW < 0) {
      throw new IllegalArgumentException("crops are larger than the spatial extents");
    }
    int c = in[3];
    int[] source = new int[outB * outH * outW * c];
    for (int ib = 0; ib < in[0]; ib++) {
      int ob = ib % outB;
      int offset = ib / outB;
      int offH = offset / bl[1];
      int offW = offset % bl[1];
      for (int y = 0; y < in[1]; y++) {
        int oy = y * bl[0] + offH - crop[0];
        if (oy < 0 || oy >= outH) {
          continue;
        }
        for (int x = 0; x < in[2]; x++) {
          int ox = x * bl[1] + offW - crop[2];
          if (ox < 0 || ox >= outW) {
            continue;
          }
          for (int k = 0; k < c; k++) {
            source[((ob * outH + oy) * outW + ox) * c + k] = ((ib * in[1] + y) * in[2] + x) * c + k;
          }
        }
      }
    }
    int[] outShape =
        inputShape.length == 3 ? new int[] {outB, outH, c} : new int[] {outB, outH, outW, c};
    return new Plan(outShape, source);
  }

  private static int[] asRank4(int[] shape, int[] block) {
    if (shape.length == 3) {
      return new int[] {shape[0], shape[1], 1, shape[2]};
    }
    if (shape.length == 4) {
      return shape;
    }
    throw new IllegalArgumentException(
        "expected a tensor of rank 3 or 4, got rank " + shape.length);
  }

  private static int[] blocks(int[] shape, int[] block) {
    int spatial = shape.length - 2;
    if (block.length != spatial) {
      throw new IllegalArgumentException(
          "the block shape needs " + spatial + " entries for a tensor of rank " + shape.length);
    }
    int[] bl = spatial == 1 ? new int[] {block[0], 1} : block.clone();
    if (bl[0] < 1 || bl[1] < 1) {
      throw new IllegalArgumentException("block extents must be at least 1");
    }
    return bl;
  }

  /**
   * Rearranges {@code in} into {@code out}, writing {@code padValue} (the output zero point, 0 for
   * float) where the output is padding.
   */
  public static void eval(Plan plan, Object in, Object out, int padValue) {
    ElementCopy.fill(out, padValue);
    ElementCopy.gather(plan.source(), in, out);
  }

  /**
   * Before/after pairs per spatial axis as four entries; a rank-3 input's missing W axis gets 0s.
   */
  private static int[] asFourEdges(int[] inputShape, int[] edges) {
    return inputShape.length == 3
        ? new int[] {edges[0], edges[1], 0, 0}
        : new int[] {edges[0], edges[1], edges[2], edges[3]};
  }
}
