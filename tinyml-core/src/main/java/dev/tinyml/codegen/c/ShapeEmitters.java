package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ConcatenationOp;
import dev.tinyml.ops.PackOp;
import dev.tinyml.ops.PadOp;
import dev.tinyml.ops.SplitOp;
import dev.tinyml.ops.kernels.DataMovement;
import dev.tinyml.ops.kernels.Pack;
import dev.tinyml.ops.kernels.Split;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.TensorType;

/** PAD, CONCATENATION, SPLIT, SPLIT_V, PACK and UNPACK from the ops' plan records. */
final class ShapeEmitters {
  private ShapeEmitters() {}

  static void pad(COp op, PadOp.Plan plan, CModuleWriter m) throws CodegenException {
    DataMovement.PadPlan p = plan.pad();
    if (p.inputShape().length > 4) {
      throw op.unsupported("PAD of a rank-" + p.inputShape().length + " tensor (at most 4)");
    }
    int[] in = pad4(p.inputShape(), 1);
    int[] out = pad4(p.outputShape(), 1);
    int[] before = pad4(p.before(), 0);
    int bits =
        plan.type() == TensorType.FLOAT32
            ? Float.floatToRawIntBits(plan.floatFill())
            : plan.intFill();
    m.useKernel("pad.c");
    String params =
        m.params(
            op,
            "tml_pad_params",
            56,
            "{"
                + CModuleWriter.ints(in)
                + "}, {"
                + CModuleWriter.ints(out)
                + "}, {"
                + CModuleWriter.ints(before)
                + "}, "
                + CModuleWriter.elementBytes(plan.type())
                + ", 0x"
                + Integer.toHexString(bits)
                + "u");
    m.call(op, "tml_pad", params, m.tensor(plan.input(), op), m.tensor(plan.output(), op));
  }

  private static int[] pad4(int[] v, int fill) {
    int[] r = {fill, fill, fill, fill};
    System.arraycopy(v, 0, r, 4 - v.length, v.length);
    return r;
  }

  static void concat(COp op, ConcatenationOp.Plan plan, CModuleWriter m) throws CodegenException {
    DataMovement.ConcatPlan p = plan.concat();
    pieces(op, m, p.outer(), plan.output(), plan.inputs(), p.chunk(), true);
  }

  static void split(COp op, SplitOp.Plan plan, CModuleWriter m) throws CodegenException {
    Split.Plan p = plan.split();
    int[] chunks = new int[p.sizes().length];
    for (int k = 0; k < chunks.length; k++) {
      chunks[k] = p.sizes()[k] * p.inner();
    }
    pieces(op, m, p.outer(), plan.input(), plan.outputs(), chunks, false);
  }

  static void pack(COp op, PackOp.Plan plan, CModuleWriter m) throws CodegenException {
    Pack.Plan p = plan.pack();
    boolean join = op.code() == BuiltinOperator.PACK;
    int[] parts = join ? plan.inputs() : plan.outputs();
    int[] chunks = new int[parts.length];
    java.util.Arrays.fill(chunks, p.inner());
    pieces(op, m, p.outer(), join ? plan.outputs()[0] : plan.inputs()[0], parts, chunks, join);
  }

  /**
   * Straight-line copies between one tensor and its pieces (CONCATENATION, PACK: the pieces are
   * joined into it; SPLIT, SPLIT_V, UNPACK: it is cut into them): per outer index, piece {@code t}
   * holds {@code chunks[t]} elements, which lie in the whole tensor after those of the pieces
   * before it.
   */
  private static void pieces(
      COp op, CModuleWriter m, int outer, int whole, int[] parts, int[] chunks, boolean join)
      throws CodegenException {
    long size = CModuleWriter.elementBytes(op.output(0).type());
    long stride = 0;
    for (int c : chunks) {
      stride += c * size;
    }
    StringBuilder s = new StringBuilder("{\n    int32_t k;\n    for (k = 0; k < ");
    s.append(outer).append("; k++) {\n");
    long offset = 0;
    for (int t = 0; t < parts.length; t++) {
      long bytes = chunks[t] * size;
      String wholeAt = at(m.tensor(whole, op), "k * " + stride + " + " + offset);
      String partAt = at(m.tensor(parts[t], op), "k * " + bytes);
      s.append("      memcpy(")
          .append(join ? wholeAt : partAt)
          .append(", ")
          .append(join ? partAt : wholeAt)
          .append(", ")
          .append(bytes)
          .append(");\n");
      offset += bytes;
    }
    s.append("    }\n  }");
    m.call(op, s.toString());
  }

  private static String at(String tensor, String byteOffset) {
    return "(uint8_t *)" + tensor + " + " + byteOffset;
  }
}
