package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.SvdfOp;
import dev.tinyml.ops.kernels.Svdf;

/**
 * SVDF float32 and int8 (int16 or int8 state) from its plan record; the state is a static array.
 */
final class SvdfEmitter {
  private SvdfEmitter() {}

  static void svdf(COp op, SvdfOp.Plan plan, CModuleWriter m) throws CodegenException {
    Svdf.Plan p = plan.svdf();
    if (plan.kernel() == SvdfOp.Kernel.FLOAT) {
      m.useKernel("svdf_f32.c");
      String params = m.params(op, "tml_svdf_f32_params", 24, sizes(p.geometry()));
      m.call(
          op,
          "tml_svdf_f32",
          params,
          CModuleWriter.floatRange(p.floatMin(), p.floatMax()),
          tensors(op, plan, m));
      return;
    }
    boolean wide = plan.kernel() == SvdfOp.Kernel.INT8_INT16_STATE;
    m.useKernel("svdf_s8.c");
    String params =
        m.params(
            op,
            "tml_svdf_s8_params",
            64,
            String.join(
                ", ",
                sizes(p.geometry()),
                CModuleWriter.ints(p.inputZeroPoint(), p.stateZeroPoint(), p.outputZeroPoint()),
                CModuleWriter.ints(p.scale1Multiplier(), p.scale1Shift()),
                CModuleWriter.ints(p.scale2Multiplier(), p.scale2Shift()),
                CModuleWriter.ints(p.stateMin(), p.stateMax(), wide ? 1 : 0)));
    m.call(op, "tml_svdf_s8", params, tensors(op, plan, m));
  }

  /**
   * The sizes both parameter structs start with: batches, input size, filters, units, rank, memory.
   */
  private static String sizes(Svdf.Geometry g) {
    return CModuleWriter.ints(
        g.batches(), g.inputSize(), g.filters(), g.units(), g.rank(), g.memory());
  }

  /** Input, feature weights, time weights, bias, state and output, in the kernels' order. */
  private static String tensors(COp op, SvdfOp.Plan plan, CModuleWriter m) throws CodegenException {
    return m.tensors(
        op,
        plan.input(),
        plan.featureWeights(),
        plan.timeWeights(),
        plan.bias(),
        plan.state(),
        plan.output());
  }
}
