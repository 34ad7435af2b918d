package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.SvdfOp;
import dev.tinyml.ops.kernels.Svdf;

/** SVDF int8 (int16 or int8 state) from its plan record; the state is a static array. */
final class SvdfEmitter {
  private SvdfEmitter() {}

  static void svdf(COp op, SvdfOp.Plan plan, CModuleWriter m) throws CodegenException {
    String kernel =
        switch (plan.kernel()) {
          case INT8_INT16_STATE -> "svdf_s8_s16";
          case INT8_INT8_STATE -> "svdf_s8_s8";
          case FLOAT -> throw op.unsupported("float32 SVDF (only int8 is compiled)");
        };
    Svdf.Plan p = plan.svdf();
    m.useKernel(kernel + ".c");
    String params =
        m.params(
            "tml_" + kernel + "_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.batches(),
                p.inputSize(),
                p.filters(),
                p.units(),
                p.rank(),
                p.memory(),
                p.inputZeroPoint(),
                p.stateZeroPoint(),
                p.outputZeroPoint(),
                p.scale1Multiplier(),
                p.scale1Shift(),
                p.scale2Multiplier(),
                p.scale2Shift(),
                p.stateMin(),
                p.stateMax()),
            60);
    m.call(
        op,
        "tml_"
            + kernel
            + "("
            + params
            + ", "
            + m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.featureWeights(), op)
            + ", "
            + m.tensor(plan.timeWeights(), op)
            + ", "
            + m.tensor(plan.bias(), op)
            + ", "
            + m.tensor(plan.state(), op)
            + ", "
            + m.tensor(plan.output(), op)
            + ");");
  }
}
