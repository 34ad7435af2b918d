package dev.tinyml.ops.kernels;

/**
 * BATCH_MATMUL {@code out[b] = lhs[b] x rhs[b]} with broadcast batch axes and optional adjoints
 * (transposes) of either side, as TFLM: each output sums over the depth in ascending order from 0
 * (float bit-exact); int8 accumulates in int32 and int16 in int64 with both zero points removed,
 * then one multiplier of {@code lhsScale * rhsScale / outputScale}.
 */
public final class BatchMatMul {

  private BatchMatMul() {}

  /**
   * A planned matrix product.
   *
   * @param outputShape broadcast batch axes, then rows x cols
   * @param rows output rows per batch
   * @param cols output columns per batch
   * @param depth the summed axis
   * @param lhsOffset flat lhs start of each output batch
   * @param rhsOffset flat rhs start of each output batch
   * @param lhsRowStride lhs distance between rows ({@code depth}, or 1 when adjoint)
   * @param lhsDepthStride lhs distance along the depth
   * @param rhsDepthStride rhs distance along the depth
   * @param rhsColStride rhs distance between columns
   */
  public record Plan(
      int[] outputShape,
      int rows,
      int cols,
      int depth,
      int[] lhsOffset,
      int[] rhsOffset,
      int lhsRowStride,
      int lhsDepthStride,
      int rhsDepthStride,
      int rhsColStride) {}

  /**
   * Plans the product of ranks 2 to 5.
   *
   * @throws IllegalArgumentException when the depths differ or batch axes cannot broadcast
   */
  public static Plan plan(int[] lhsShape, int[] rhsShape, boolean adjX, boolean adjY) {
    if (lhsShape.length < 2 || rhsShape.length < 2 || lhsShape.length > 5 || rhsShape.length > 5) {
      throw new IllegalArgumentException("BATCH_MATMUL operands need rank 2 to 5");
    }
    int lr = lhsShape.length;
    int rr = rhsShape.length;
    int lRows = lhsShape[lr - 2];
    int lCols = lhsShape[lr - 1];
    int rRows = rhsShape[rr - 2];
    int rCols = rhsShape[rr - 1];
    int rows = adjX ? lCols : lRows;
    int depth = adjX ? lRows : lCols;
    int rhsDepth = adjY ? rCols : rRows;
    int cols = adjY ? rRows : rCols;
    if (depth != rhsDepth) {
      throw new IllegalArgumentException(
          "lhs depth " + depth + " differs from rhs depth " + rhsDepth);
    }
    int[] lBatch = java.util.Arrays.copyOf(lhsShape, lr - 2);
    int[] rBatch = java.util.Arrays.copyOf(rhsShape, rr - 2);
    int[] batch = Broadcasting.outputShape(lBatch, rBatch);
    int batches = Shapes.size(batch);
    int[] lIdx = Broadcasting.indices(batch, lBatch);
    int[] rIdx = Broadcasting.indices(batch, rBatch);
    int[] lOff = new int[batches];
    int[] rOff = new int[batches];
    for (int b = 0; b < batches; b++) {
      lOff[b] = Broadcasting.at(lIdx, b) * lRows * lCols;
      rOff[b] = Broadcasting.at(rIdx, b) * rRows * rCols;
    }
    int[] out = java.util.Arrays.copyOf(batch, batch.length + 2);
    out[batch.length] = rows;
    out[batch.length + 1] = cols;
    return new Plan(
        out,
        rows,
        cols,
        depth,
        lOff,
        rOff,
        adjX ? 1 : lCols,
        adjX ? lCols : 1,
        adjY ? 1 : rCols,
        adjY ? rCols : 1);
  }

  /**
   * What a product computes for one output element from the lhs row starting at {@code l} and the
   * rhs column starting at {@code r}.
   */
  @FunctionalInterface
  private interface DotProduct {
    void element(int l, int r, int o);
  }

  /** Walks the output elements in order (batch, row, column). */
  private static void forEachElement(Plan p, DotProduct dot) {
    int o = 0;
    for (int b = 0; b < p.lhsOffset().length; b++) {
      for (int i = 0; i < p.rows(); i++) {
        for (int j = 0; j < p.cols(); j++) {
          dot.element(
              p.lhsOffset()[b] + i * p.lhsRowStride(),
              p.rhsOffset()[b] + j * p.rhsColStride(),
              o++);
        }
      }
    }
  }

  /** Float product. */
  public static void eval(Plan p, float[] lhs, float[] rhs, float[] out) {
    forEachElement(
        p,
        (l, r, o) -> {
          float total = 0f;
          for (int k = 0; k < p.depth(); k++) {
            total += lhs[l + k * p.lhsDepthStride()] * rhs[r + k * p.rhsDepthStride()];
          }
          out[o] = total;
        });
  }

  /**
   * Requantization of a quantized product.
   *
   * @param lhsOffset minus the lhs zero point
   * @param rhsOffset minus the rhs zero point
   * @param outputOffset the output zero point
   * @param multiplier significand of {@code lhsScale * rhsScale / outputScale} (product in float)
   * @param shift its exponent
   */
  public record Requantize(
      int lhsOffset, int rhsOffset, int outputOffset, int multiplier, int shift) {}

  /** The requantization from the tensors' quantization, as TFLM computes it. */
  public static Requantize requantize(
      float lhsScale,
      int lhsZeroPoint,
      float rhsScale,
      int rhsZeroPoint,
      float outScale,
      int outZeroPoint) {
    FixedPoint.Multiplier m =
        FixedPoint.quantizeMultiplier((double) (lhsScale * rhsScale) / (double) outScale);
    return new Requantize(-lhsZeroPoint, -rhsZeroPoint, outZeroPoint, m.multiplier(), m.shift());
  }

  /** Int8 product. */
  public static void eval(Plan p, Requantize q, byte[] lhs, byte[] rhs, byte[] out) {
    forEachElement(
        p,
        (l, r, o) -> {
          int total = 0;
          for (int k = 0; k < p.depth(); k++) {
            total +=
                (rhs[r + k * p.rhsDepthStride()] + q.rhsOffset())
                    * (lhs[l + k * p.lhsDepthStride()] + q.lhsOffset());
          }
          int v = FixedPoint.multiplyByQuantizedMultiplier(total, q.multiplier(), q.shift());
          out[o] = (byte) FixedPoint.clampInt8(v + q.outputOffset());
        });
  }

  /** Int16 product (zero points 0), accumulated in int64. */
  public static void eval(Plan p, Requantize q, short[] lhs, short[] rhs, short[] out) {
    forEachElement(
        p,
        (l, r, o) -> {
          long total = 0;
          for (int k = 0; k < p.depth(); k++) {
            total += (long) rhs[r + k * p.rhsDepthStride()] * lhs[l + k * p.lhsDepthStride()];
          }
          int v = FixedPoint.multiplyByQuantizedMultiplier(total, q.multiplier(), q.shift());
          out[o] = (short) FixedPoint.clampInt16(v + q.outputOffset());
        });
  }
}
