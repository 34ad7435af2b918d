package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ComparisonOp;
import dev.tinyml.ops.SelectV2Op;
import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.ops.kernels.Rescale;
import dev.tinyml.ops.kernels.SelectV2;

/** The comparisons (to bool) and SELECT_V2, from the ops' plan records. */
final class LogicEmitters {
  private LogicEmitters() {}

  static void compare(COp op, ComparisonOp.Plan plan, CModuleWriter m) throws CodegenException {
    Comparisons.Plan p = plan.kernel();
    int type =
        switch (plan.type()) {
          case FLOAT32 -> 0;
          case INT32 -> 1;
          case BOOL -> 2;
          case INT8 -> 3;
          default -> throw op.unsupported(op.code() + " of " + plan.type() + " tensors");
        };
    int code =
        switch (p.op()) {
          case EQUAL -> 0;
          case NOT_EQUAL -> 1;
          case GREATER -> 2;
          case GREATER_EQUAL -> 3;
          case LESS -> 4;
          case LESS_EQUAL -> 5;
        };
    String params =
        m.params(
            op,
            "tml_compare_params",
            32,
            String.join(
                ", ", CModuleWriter.ints(code, type), rescale(p.input1()), rescale(p.input2())));
    m.useKernel("compare.c");
    m.call(
        op,
        "tml_compare",
        params,
        ElementwiseEmitters.broadcast(op, m),
        m.tensors(op, plan.input1(), plan.input2(), plan.output()));
  }

  static void select(COp op, SelectV2Op.Plan plan, CModuleWriter m) throws CodegenException {
    SelectV2.Plan p = plan.kernel();
    m.useKernel("select.c");
    m.call(
        op,
        "tml_select",
        op.output(0).elementCount(),
        CModuleWriter.elementBytes(op.output(0).type()),
        table(op, m, "cond_index", p.conditionIndex()),
        table(op, m, "x_index", p.xIndex()),
        table(op, m, "y_index", p.yIndex()),
        m.tensors(op, plan.condition(), plan.x(), plan.y(), plan.output()));
  }

  /** A broadcast index table, or the null pointer where the input is not broadcast. */
  private static String table(COp op, CModuleWriter m, String what, int[] index) {
    return index == null ? "0" : m.int32Array(CModuleWriter.opName(op, what), index);
  }

  private static String rescale(Rescale r) {
    return CModuleWriter.ints(r.offset()) + ", " + ElementwiseEmitters.multiplier(r);
  }
}
