package dev.tinyml.ops.kernels;

/**
 * The ops that only move bytes: RESHAPE and SQUEEZE (a copy), PAD (constant padding), and
 * CONCATENATION along one axis. They work on raw little-endian-free element arrays through {@link
 * System#arraycopy}, so one implementation serves every element type.
 */
public final class DataMovement {

  private DataMovement() {}

  /**
   * PAD parameters.
   *
   * @param inputShape input dimensions
   * @param outputShape output dimensions
   * @param before padding before each dimension
   */
  public record PadPlan(int[] inputShape, int[] outputShape, int[] before) {}

  /** Builds a PAD plan from the {@code [rank, 2]} paddings. */
  public static PadPlan preparePad(int[] inputShape, int[] paddings) {
    int rank = inputShape.length;
    int[] out = new int[rank];
    int[] before = new int[rank];
    for (int i = 0; i < rank; i++) {
      before[i] = paddings[2 * i];
      out[i] = inputShape[i] + paddings[2 * i] + paddings[2 * i + 1];
      if (paddings[2 * i] < 0 || paddings[2 * i + 1] < 0) {
        throw new IllegalArgumentException("negative padding in dimension " + i);
      }
    }
    return new PadPlan(inputShape, out, before);
  }

  /**
   * PAD: copies the input's innermost rows into place; the caller has filled {@code out} with the
   * pad value.
   */
  public static void pad(PadPlan p, Object in, Object out) {
    int rank = p.inputShape().length;
    if (rank == 0) {
      System.arraycopy(in, 0, out, 0, 1);
      return;
    }
    int inner = p.inputShape()[rank - 1];
    int rows = 1;
    for (int i = 0; i < rank - 1; i++) {
      rows *= p.inputShape()[i];
    }
    int[] pos = new int[rank];
    for (int r = 0; r < rows; r++) {
      int o = 0;
      for (int k = 0; k < rank; k++) {
        o = o * p.outputShape()[k] + pos[k] + p.before()[k];
      }
      if (inner > 0) {
        System.arraycopy(in, r * inner, out, o, inner);
      }
      for (int k = rank - 2; k >= 0; k--) {
        if (++pos[k] < p.inputShape()[k]) {
          break;
        }
        pos[k] = 0;
      }
    }
  }

  /**
   * CONCATENATION parameters.
   *
   * @param outer product of dimensions before the axis
   * @param chunk elements each input contributes per outer step
   * @param outputChunk sum of the chunks
   */
  public record ConcatPlan(int outer, int[] chunk, int outputChunk) {}

  /** Builds a CONCATENATION plan; {@code axis} may be negative. */
  public static ConcatPlan prepareConcat(int[][] inputShapes, int axis) {
    int rank = inputShapes[0].length;
    int ax = axis < 0 ? axis + rank : axis;
    if (ax < 0 || ax >= rank) {
      throw new IllegalArgumentException("axis " + axis + " is outside rank " + rank);
    }
    int outer = 1;
    for (int i = 0; i < ax; i++) {
      outer *= inputShapes[0][i];
    }
    int[] chunk = new int[inputShapes.length];
    int total = 0;
    for (int t = 0; t < inputShapes.length; t++) {
      if (inputShapes[t].length != rank) {
        throw new IllegalArgumentException(
            "input " + t + " has rank " + inputShapes[t].length + ", not " + rank);
      }
      int c = 1;
      for (int i = ax; i < rank; i++) {
        c *= inputShapes[t][i];
      }
      chunk[t] = c;
      total += c;
    }
    return new ConcatPlan(outer, chunk, total);
  }

  /** CONCATENATION of arrays of one element type: input {@code t} is {@code arrays[indices[t]]}. */
  public static void concat(ConcatPlan p, Object[] arrays, int[] indices, Object out) {
    int o = 0;
    for (int k = 0; k < p.outer(); k++) {
      for (int t = 0; t < indices.length; t++) {
        int c = p.chunk()[t];
        System.arraycopy(arrays[indices[t]], k * c, out, o, c);
        o += c;
      }
    }
  }
}
