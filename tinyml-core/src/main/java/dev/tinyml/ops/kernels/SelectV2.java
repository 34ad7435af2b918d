package dev.tinyml.ops.kernels;

/**
 * SELECT_V2: {@code condition ? x : y} element-wise, all three broadcast against each other. Values
 * are copied, so one implementation serves every element type.
 */
public final class SelectV2 {

  private SelectV2() {}

  /**
   * A planned select.
   *
   * @param outputShape the broadcast shape of condition, x and y
   * @param conditionIndex condition index per output element, null when no broadcast
   * @param xIndex x index per output element, null when no broadcast
   * @param yIndex y index per output element, null when no broadcast
   */
  public record Plan(int[] outputShape, int[] conditionIndex, int[] xIndex, int[] yIndex) {}

  /** Plans a select. */
  public static Plan plan(int[] conditionShape, int[] xShape, int[] yShape) {
    int[] out = Broadcasting.outputShape(conditionShape, xShape, yShape);
    return new Plan(
        out,
        Broadcasting.indices(out, conditionShape),
        Broadcasting.indices(out, xShape),
        Broadcasting.indices(out, yShape));
  }

  /** Selects from {@code x} where the condition byte is non-zero, else from {@code y}. */
  public static void eval(Plan p, byte[] condition, Object x, Object y, Object out) {
    int n = Shapes.size(p.outputShape());
    for (int e = 0; e < n; e++) {
      boolean c = condition[Broadcasting.at(p.conditionIndex(), e)] != 0;
      if (c) {
        System.arraycopy(x, Broadcasting.at(p.xIndex(), e), out, e, 1);
      } else {
        System.arraycopy(y, Broadcasting.at(p.yIndex(), e), out, e, 1);
      }
    }
  }
}
