package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.CastOp;
import dev.tinyml.ops.CopyOp;
import dev.tinyml.ops.DequantizeOp;
import dev.tinyml.ops.GatheringOp;
import dev.tinyml.ops.IndexMapOp;
import dev.tinyml.ops.QuantizeOp;
import dev.tinyml.ops.StridedSliceOp;
import dev.tinyml.ops.TensorCreationOp;
import dev.tinyml.ops.kernels.GatherAlongAxis;
import dev.tinyml.ops.kernels.GatherNd;
import dev.tinyml.ops.kernels.Quantization;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * RESHAPE/SQUEEZE/EXPAND_DIMS (alias or copy), QUANTIZE, DEQUANTIZE, the gathers (the index-map ops
 * and STRIDED_SLICE through a prepared table; GATHER and GATHER_ND by indices read at run time) and
 * the tensor creations from the ops' plan records.
 */
final class DataEmitters {
  private DataEmitters() {}

  /**
   * A reshape moves no data when the plan gave input and output the same offset (an exact overlap);
   * otherwise it copies, with {@code memmove} in case the buffers overlap.
   */
  static void copy(COp op, CopyOp.Plan plan, CModuleWriter m) throws CodegenException {
    Tensor in = op.input(0);
    long bytes = (long) plan.count() * CModuleWriter.elementBytes(in.type());
    int from = m.arenaOffset(plan.input());
    int to = m.arenaOffset(plan.output());
    if (from >= 0 && from == to) {
      m.call(op, "/* output aliases the input at arena offset " + to + ": nothing to move */");
      return;
    }
    m.call(op, "memmove", m.tensor(plan.output(), op), m.tensor(plan.input(), op), bytes);
  }

  static void quantize(COp op, QuantizeOp.Plan plan, CModuleWriter m) throws CodegenException {
    TensorType it = op.input(0).type();
    TensorType ot = op.output(0).type();
    String in = m.tensor(plan.input(), op);
    String out = m.tensor(plan.output(), op);
    Quantization.Requantize r = plan.requantize();
    if (r == null) {
      m.useKernel("quantize_f32.c");
      boolean int8 = ot == TensorType.INT8;
      m.call(
          op,
          "tml_quantize_f32",
          in,
          CModuleWriter.floatLiteral(plan.scale()),
          plan.zeroPoint(),
          int8 ? out : "0",
          int8 ? "0" : out,
          plan.count());
      return;
    }
    m.useKernel("requantize.c");
    String params =
        m.params(
            op,
            "tml_requantize_params",
            28,
            CModuleWriter.ints(
                    r.inputZeroPoint(),
                    r.outputZeroPoint(),
                    r.multiplier(),
                    r.shift(),
                    plan.min(),
                    plan.max())
                + ", "
                + CModuleWriter.elementBytes(it)
                + ", "
                + CModuleWriter.elementBytes(ot));
    m.call(op, "tml_requantize", params, in, out, plan.count());
  }

  static void dequantize(COp op, DequantizeOp.Plan plan, CModuleWriter m) throws CodegenException {
    m.useKernel("dequantize.c");
    m.call(
        op,
        "tml_dequantize",
        m.tensor(plan.input(), op),
        CModuleWriter.elementBytes(op.input(0).type()),
        CModuleWriter.doubleLiteral(plan.scale()),
        plan.zeroPoint(),
        m.tensor(plan.output(), op),
        plan.count());
  }

  static void indexMap(COp op, IndexMapOp.Plan plan, CModuleWriter m) throws CodegenException {
    int pad =
        op.output(0).type() == TensorType.FLOAT32
            ? Float.floatToRawIntBits(plan.padValue())
            : plan.padValue();
    gather(op, m, plan.source(), pad, plan.input(), plan.output());
  }

  static void stridedSlice(COp op, StridedSliceOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    gather(op, m, plan.sourceIndex(), 0, plan.input(), plan.output());
  }

  /**
   * A gather through the op's prepared source map (a const table): output element {@code i} is
   * input element {@code source[i]}, or {@code padBits} where it is -1.
   */
  private static void gather(COp op, CModuleWriter m, int[] source, int padBits, int in, int out)
      throws CodegenException {
    m.useKernel("gather.c");
    m.call(
        op,
        "tml_gather",
        m.int32Array(CModuleWriter.opName(op, "source"), source),
        source.length,
        CModuleWriter.elementBytes(op.output(0).type()),
        "0x" + Integer.toHexString(padBits) + "u",
        m.tensor(in, op),
        m.tensor(out, op));
  }

  /**
   * GATHER: positions read at run time, checked against the axis as the interpreter checks them
   * (the invoke fails on one outside it).
   */
  static void gatherAlongAxis(COp op, GatheringOp.Plan<GatherAlongAxis.Plan> plan, CModuleWriter m)
      throws CodegenException {
    GatherAlongAxis.Plan p = plan.kernel();
    String values = CModuleWriter.ints(p.batches(), p.outer(), p.axisSize(), p.inner(), p.coords());
    checkedGather(op, plan, m, "gather_axis", 20, values);
  }

  /**
   * GATHER_ND: index rows read at run time; a slice outside the params fails the invoke, as in the
   * interpreter.
   */
  static void gatherNd(COp op, GatheringOp.Plan<GatherNd.Plan> plan, CModuleWriter m)
      throws CodegenException {
    GatherNd.Plan p = plan.kernel();
    String values = CModuleWriter.ints(p.depth(), p.slices(), p.sliceSize(), p.paramsSize());
    // A zero-length C array is not C99: an index depth of 0 passes the null pointer.
    String strides =
        p.depth() == 0
            ? "0"
            : m.int32Array(CModuleWriter.opName(op, "axis_stride"), p.axisStride());
    checkedGather(op, plan, m, "gather_nd", 16, values, strides);
  }

  /**
   * The call {@code tml_<kernel>(&params, [extra, ]element_bytes, values, indices, out)} of a
   * gather by run-time indices, which fails the invoke on an index outside the values.
   *
   * @param bytes the size of the kernel's parameter struct
   * @param values the struct's initializer
   */
  private static void checkedGather(
      COp op,
      GatheringOp.Plan<?> plan,
      CModuleWriter m,
      String kernel,
      int bytes,
      String values,
      String... extra)
      throws CodegenException {
    m.useKernel(kernel + ".c");
    String params = m.params(op, "tml_" + kernel + "_params", bytes, values);
    String leading = extra.length == 0 ? params : params + ", " + String.join(", ", extra);
    m.checkedCall(
        op,
        "tml_" + kernel,
        leading,
        CModuleWriter.elementBytes(op.output(0).type()),
        m.tensors(op, plan.input(), plan.indices(), plan.output()));
  }

  static void cast(COp op, CastOp.Plan plan, CModuleWriter m) throws CodegenException {
    m.useKernel("cast.c");
    m.call(
        op,
        "tml_cast",
        castCode(op, plan.from()),
        castCode(op, plan.to()),
        m.tensor(plan.input(), op),
        m.tensor(plan.output(), op),
        plan.count());
  }

  /** The type code of {@code cast.c}. */
  private static int castCode(COp op, TensorType type) throws CodegenException {
    return switch (type) {
      case INT8 -> 0;
      case INT16 -> 1;
      case INT32 -> 2;
      case UINT32 -> 3;
      case FLOAT32 -> 4;
      case BOOL -> 5;
      default -> throw op.unsupported("CAST of " + type);
    };
  }

  /**
   * ZEROS_LIKE (zeros), FILL (the value repeated) and SHAPE (the input's extents, a constant of
   * int32 or int64).
   */
  static void create(COp op, TensorCreationOp.Plan plan, CModuleWriter m) throws CodegenException {
    Tensor out = op.output(0);
    long size = CModuleWriter.elementBytes(out.type());
    String o = m.tensor(plan.output(), op);
    switch (op.code()) {
      case ZEROS_LIKE -> m.call(op, "memset", o, 0, out.elementCount() * size);
      case FILL ->
          m.call(
              op,
              "{\n    int32_t i;\n    for (i = 0; i < "
                  + out.elementCount()
                  + "; i++) memcpy((uint8_t *)"
                  + o
                  + " + i * "
                  + size
                  + ", "
                  + m.tensor(plan.input(), op)
                  + ", "
                  + size
                  + ");\n  }");
      default -> {
        String name = CModuleWriter.opName(op, "shape");
        String shape =
            switch (out.type()) {
              case INT32 -> m.int32Array(name, plan.shape());
              case INT64 -> m.int64Array(name, plan.shape());
              default ->
                  throw op.unsupported("SHAPE with " + out.type() + " output (int32, int64)");
            };
        m.call(op, "memcpy", o, shape, size * plan.shape().length);
      }
    }
  }
}
