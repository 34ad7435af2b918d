package dev.tinyml.ops.kernels;

/** TRANSPOSE: output axis {@code i} is input axis {@code perm[i]}, as TFLM's reference kernel. */
public final class Transpose {

  private Transpose() {}

  /**
   * A planned transpose.
   *
   * @param outputShape {@code inputShape[perm[i]]} per axis
   * @param source flat input index of every flat output element
   */
  public record Plan(int[] outputShape, int[] source) {}

  /**
   * Plans a transpose; negative permutation entries count from the end, as TFLM accepts them.
   *
   * @throws IllegalArgumentException when {@code perm} is not a permutation of the axes
   */
  public static Plan plan(int[] inputShape, int[] perm) {
    int rank = inputShape.length;
    if (perm.length != rank) {
      throw new IllegalArgumentException(
          "the permutation has " + perm.length + " entries for a tensor of rank " + rank);
    }
    int[] axes = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = Shapes.axis(perm[i], rank);
      if (seen[axes[i]]) {
        throw new IllegalArgumentException("axis " + axes[i] + " appears twice in the permutation");
      }
      seen[axes[i]] = true;
    }
    int[] inStrides = Shapes.strides(inputShape);
    int[] outShape = new int[rank];
    int[] step = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = inputShape[axes[i]];
      step[i] = inStrides[axes[i]];
    }
    return new Plan(outShape, Shapes.offsets(outShape, 0, step));
  }

  /** Transposes {@code in} into {@code out} (same element type). */
  public static void eval(Plan plan, Object in, Object out) {
    ElementCopy.gather(plan.source(), in, out);
  }
}
