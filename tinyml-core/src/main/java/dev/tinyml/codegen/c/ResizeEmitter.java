package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ResizeBilinearOp;
import dev.tinyml.ops.kernels.Resize;
import dev.tinyml.tflite.TensorType;

/**
 * RESIZE_BILINEAR: the geometry as a {@code tml_resize_params} struct and where each output row and
 * column samples as const tables, taken from the Java kernel's own axis planning ({@link
 * Resize#floatAxis}, {@link Resize#fixedAxis}), so the C only interpolates.
 */
final class ResizeEmitter {
  private ResizeEmitter() {}

  static void bilinear(COp op, ResizeBilinearOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    Resize.Geometry g = plan.geometry();
    boolean align = g.alignCorners();
    boolean half = g.halfPixelCenters();
    String params =
        m.params(
            op,
            "tml_resize_params",
            24,
            CModuleWriter.ints(
                g.batches(), g.inHeight(), g.inWidth(), g.depth(), g.outHeight(), g.outWidth()));
    String ys;
    String wy;
    String xs;
    String wx;
    String kernel;
    if (plan.type() == TensorType.FLOAT32) {
      Resize.FloatAxis y = Resize.floatAxis(g.inHeight(), g.outHeight(), align, half);
      Resize.FloatAxis x = Resize.floatAxis(g.inWidth(), g.outWidth(), align, half);
      ys = indices(op, m, "rows", y.lower(), y.upper());
      wy = m.floatArray(CModuleWriter.opName(op, "row_weights"), y.weight());
      xs = indices(op, m, "columns", x.lower(), x.upper());
      wx = m.floatArray(CModuleWriter.opName(op, "column_weights"), x.weight());
      kernel = "resize_bilinear_f32";
    } else {
      Resize.FixedAxis y = Resize.fixedAxis(g.inHeight(), g.outHeight(), align, half);
      Resize.FixedAxis x = Resize.fixedAxis(g.inWidth(), g.outWidth(), align, half);
      ys = indices(op, m, "rows", y.lower(), y.upper());
      wy = m.int32Array(CModuleWriter.opName(op, "row_weights"), y.weight());
      xs = indices(op, m, "columns", x.lower(), x.upper());
      wx = m.int32Array(CModuleWriter.opName(op, "column_weights"), x.weight());
      kernel = "resize_bilinear_s8";
    }
    m.useKernel(kernel + ".c");
    m.call(
        op,
        "tml_" + kernel,
        params,
        ys,
        wy,
        xs,
        wx,
        m.tensor(plan.input(), op),
        m.tensor(plan.output(), op));
  }

  /** One table: the lower index of every output position, then the upper one. */
  private static String indices(COp op, CModuleWriter m, String axis, int[] lower, int[] upper) {
    int[] both = new int[lower.length + upper.length];
    System.arraycopy(lower, 0, both, 0, lower.length);
    System.arraycopy(upper, 0, both, lower.length, upper.length);
    return m.int32Array(CModuleWriter.opName(op, axis), both);
  }
}
