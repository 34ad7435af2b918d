package dev.tinyml.ops.kernels;

/** PACK (stack N tensors of one shape along a new axis) and UNPACK (its inverse). */
public final class Pack {

  private Pack() {}

  /**
   * A planned pack or unpack.
   *
   * @param outer product of the dimensions before the new axis
   * @param inner product of the dimensions from the new axis on, in one unpacked tensor
   * @param count the number of unpacked tensors
   * @param packedShape the shape with the new axis
   * @param unpackedShape the shape of one unpacked tensor
   */
  public record Plan(int outer, int inner, int count, int[] packedShape, int[] unpackedShape) {}

  /**
   * Plans PACK of {@code count} tensors of {@code unpackedShape}; the axis is in [-rank-1, rank].
   */
  public static Plan planPack(int[] unpackedShape, int count, int axis) {
    int rank = unpackedShape.length + 1;
    int a = Shapes.axis(axis, rank);
    int[] packed = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      packed[i] = i == a ? count : unpackedShape[j++];
    }
    return new Plan(
        Shapes.product(unpackedShape, 0, a),
        Shapes.product(unpackedShape, a, unpackedShape.length),
        count,
        packed,
        unpackedShape.clone());
  }

  /** Plans UNPACK of {@code packedShape} along {@code axis} into its slices. */
  public static Plan planUnpack(int[] packedShape, int axis) {
    int a = Shapes.axis(axis, packedShape.length);
    int[] unpacked = Shapes.withoutAxis(packedShape, a);
    return new Plan(
        Shapes.product(packedShape, 0, a),
        Shapes.product(packedShape, a + 1, packedShape.length),
        packedShape[a],
        packedShape.clone(),
        unpacked);
  }

  /** PACK: interleaves {@code ins} into {@code out}. */
  public static void pack(Plan plan, Object[] ins, Object out) {
    int inner = plan.inner();
    for (int o = 0; o < plan.outer(); o++) {
      for (int t = 0; t < plan.count(); t++) {
        System.arraycopy(ins[t], o * inner, out, (o * plan.count() + t) * inner, inner);
      }
    }
  }

  /** UNPACK: splits {@code in} into {@code outs}. */
  public static void unpack(Plan plan, Object in, Object[] outs) {
    int inner = plan.inner();
    for (int o = 0; o < plan.outer(); o++) {
      for (int t = 0; t < plan.count(); t++) {
        System.arraycopy(in, (o * plan.count() + t) * inner, outs[t], o * inner, inner);
      }
    }
  }
}
