package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ArgMinMaxOp;
import dev.tinyml.ops.MeanOp;
import dev.tinyml.ops.ReduceOp;
import dev.tinyml.ops.kernels.ArgMinMax;
import dev.tinyml.ops.kernels.Mean;
import dev.tinyml.ops.kernels.Reduction;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MEAN, SUM, REDUCE_MAX, REDUCE_MIN, ARG_MAX and ARG_MIN from the ops' plan records. The axis
 * reductions walk the kept axes, and for each output the reduced ones, in row-major order (two
 * {@code tml_broadcast} walks), so every output folds its inputs in the interpreter's order.
 */
final class ReductionEmitters {
  private ReductionEmitters() {}

  static void mean(COp op, MeanOp.Plan plan, CModuleWriter m) throws CodegenException {
    String walks = walks(op);
    Mean.Plan p = plan.mean();
    String params =
        plan.isFloat()
            ? m.params(op, "tml_mean_f32_params", 100, walks + ", " + p.count())
            : m.params(
                op,
                "tml_mean_s8_params",
                116,
                walks
                    + ", "
                    + CModuleWriter.ints(
                        p.count(),
                        p.inputZeroPoint(),
                        p.outputZeroPoint(),
                        p.multiplier(),
                        p.shift()));
    String kernel = plan.isFloat() ? "mean_f32" : "mean_s8";
    m.useKernel(kernel + ".c");
    m.call(op, "tml_" + kernel, params, m.tensor(plan.input(), op), m.tensor(plan.output(), op));
  }

  /**
   * SUM (float32, int32; int8 through MEAN's kernel, whose arithmetic is the quantized sum's with
   * the rescaling in place of the folded division; int16), REDUCE_MAX and REDUCE_MIN (float32, raw
   * int8).
   */
  static void reduce(COp op, ReduceOp.Plan plan, CModuleWriter m) throws CodegenException {
    String io = m.tensors(op, plan.input(), plan.output());
    Reduction.Rescale r = plan.rescale();
    if (r != null) {
      String values =
          walks(op)
              + ", "
              + CModuleWriter.ints(
                  plan.kernel().count(),
                  r.inputZeroPoint(),
                  r.outputZeroPoint(),
                  r.multiplier(),
                  r.shift());
      String kernel = plan.type() == TensorType.INT8 ? "mean_s8" : "sum_s16";
      m.useKernel(kernel + ".c");
      m.call(op, "tml_" + kernel, m.params(op, "tml_rescaled_sum_params", 116, values), io);
      return;
    }
    int kind =
        switch (op.code()) {
          case SUM -> 0;
          case REDUCE_MAX -> 1;
          default -> 2;
        };
    String[] walk = walkParams(op, m);
    switch (plan.type()) {
      case FLOAT32 -> {
        m.useKernel("reduce_f32.c");
        m.call(op, "tml_reduce_f32", kind, walk[0], walk[1], io);
      }
      case INT32 -> {
        m.useKernel("sum_s32.c");
        m.call(op, "tml_sum_s32", walk[0], walk[1], io);
      }
      case INT8 -> {
        m.useKernel("reduce_s8.c");
        m.call(op, "tml_reduce_s8", kind == 1 ? 1 : 0, walk[0], walk[1], io);
      }
      default -> throw op.unsupported(op.code() + " of " + plan.type() + " tensors");
    }
  }

  /** ARG_MAX and ARG_MIN of float32 or int8 values, to int32 positions. */
  static void argMinMax(COp op, ArgMinMaxOp.Plan plan, CModuleWriter m) throws CodegenException {
    ArgMinMax.Plan p = plan.kernel();
    int max = op.code() == BuiltinOperator.ARG_MAX ? 1 : 0;
    int isFloat = plan.type() == TensorType.FLOAT32 ? 1 : 0;
    String shape = CModuleWriter.ints(max, isFloat, p.outer(), p.axisSize(), p.inner());
    m.useKernel("arg_minmax.c");
    m.call(op, "tml_arg_minmax", shape, m.tensors(op, plan.input(), plan.output()));
  }

  /** The kept and the reduced walk as two {@code tml_broadcast} constants. */
  private static String[] walkParams(COp op, CModuleWriter m) throws CodegenException {
    int[][] w = walkArrays(op);
    int[] none = {0, 0, 0, 0};
    return new String[] {
      m.params(
          "tml_broadcast",
          CModuleWriter.opName(op, "kept"),
          ElementwiseEmitters.walk(w[0], w[1], none),
          48),
      m.params(
          "tml_broadcast",
          CModuleWriter.opName(op, "reduced"),
          ElementwiseEmitters.walk(w[2], w[3], none),
          48)
    };
  }

  /** The initializer of the kept and the reduced walk, each in braces. */
  private static String walks(COp op) throws CodegenException {
    int[][] w = walkArrays(op);
    int[] none = {0, 0, 0, 0};
    return "{"
        + ElementwiseEmitters.walk(w[0], w[1], none)
        + "}, {"
        + ElementwiseEmitters.walk(w[2], w[3], none)
        + "}";
  }

  /**
   * The extents and input strides of the kept axes and of the reduced axes (input 0 reduced over
   * the constant axes of input 1), each padded to 4 with leading extents of 1.
   */
  private static int[][] walkArrays(COp op) throws CodegenException {
    int[] shape = op.input(0).shape();
    if (shape.length > 4) {
      throw op.unsupported(op.code() + " over a rank-" + shape.length + " input (at most 4)");
    }
    boolean[] reduced = reducedAxes(op, shape.length);
    int[] outer = {1, 1, 1, 1};
    int[] outerStride = {0, 0, 0, 0};
    int[] inner = {1, 1, 1, 1};
    int[] innerStride = {0, 0, 0, 0};
    int stride = 1;
    int[] strides = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= shape[d];
    }
    // Kept and reduced axes keep their order; the padding extents of 1 go first.
    int keptCount = 0;
    for (boolean r : reduced) {
      keptCount += r ? 0 : 1;
    }
    int no = 4 - keptCount;
    int ni = 4 - (shape.length - keptCount);
    for (int d = 0; d < shape.length; d++) {
      if (reduced[d]) {
        inner[ni] = shape[d];
        innerStride[ni++] = strides[d];
      } else {
        outer[no] = shape[d];
        outerStride[no++] = strides[d];
      }
    }
    return new int[][] {outer, outerStride, inner, innerStride};
  }

  /** Which input axes the constant axis tensor (input 1) reduces. */
  private static boolean[] reducedAxes(COp op, int rank) throws CodegenException {
    Tensor axes = op.input(1);
    byte[] data = op.model().dataOf(axes);
    boolean wide = axes.type() == TensorType.INT64;
    if (data == null || !(wide || axes.type() == TensorType.INT32)) {
      throw op.unsupported(op.code() + " with a non-constant axis tensor");
    }
    boolean[] reduced = new boolean[rank];
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < axes.elementCount(); i++) {
      int a = wide ? (int) b.getLong(8 * i) : b.getInt(4 * i);
      reduced[a < 0 ? a + rank : a] = true;
    }
    return reduced;
  }
}
