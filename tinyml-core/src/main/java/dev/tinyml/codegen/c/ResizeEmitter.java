package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ResizeBilinearOp;
import dev.tinyml.ops.kernels.Resize;
import dev.tinyml.tflite.TensorType;
import java.util.function.UnaryOperator;

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
    String rows;
    String columns;
    String kernel;
    if (plan.type() == TensorType.FLOAT32) {
      Resize.FloatAxis y = Resize.floatAxis(g.inHeight(), g.outHeight(), align, half);
      Resize.FloatAxis x = Resize.floatAxis(g.inWidth(), g.outWidth(), align, half);
      rows = axis(op, m, "row", y.lower(), y.upper(), n -> m.floatArray(n, y.weight()));
      columns = axis(op, m, "column", x.lower(), x.upper(), n -> m.floatArray(n, x.weight()));
      kernel = "resize_bilinear_f32";
    } else {
      Resize.FixedAxis y = Resize.fixedAxis(g.inHeight(), g.outHeight(), align, half);
      Resize.FixedAxis x = Resize.fixedAxis(g.inWidth(), g.outWidth(), align, half);
      rows = axis(op, m, "row", y.lower(), y.upper(), n -> m.int32Array(n, y.weight()));
      columns = axis(op, m, "column", x.lower(), x.upper(), n -> m.int32Array(n, x.weight()));
      kernel = "resize_bilinear_s8";
    }
    m.useKernel(kernel + ".c");
    String io = m.tensors(op, plan.input(), plan.output());
    m.call(op, "tml_" + kernel, params, rows, columns, io);
  }

  /**
   * One axis's two tables, as the kernel's arguments {@code indices, weights}: the lower input
   * index of every output position followed by the upper one, and the weights {@code weights}
   * writes under the name it is given.
   */
  private static String axis(
      COp op,
      CModuleWriter m,
      String axis,
      int[] lower,
      int[] upper,
      UnaryOperator<String> weights) {
    int[] both = new int[lower.length + upper.length];
    System.arraycopy(lower, 0, both, 0, lower.length);
    System.arraycopy(upper, 0, both, lower.length, upper.length);
    String indices = m.int32Array(CModuleWriter.opName(op, axis + "s"), both);
    return indices + ", " + weights.apply(CModuleWriter.opName(op, axis + "_weights"));
  }
}
