package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.interp.kernels.Quantization;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** RESHAPE/SQUEEZE (alias or copy), QUANTIZE and DEQUANTIZE. */
final class DataEmitters {
  private DataEmitters() {}

  /**
   * A reshape moves no data when the plan gave input and output the same offset (the planner's
   * exact overlap); otherwise it copies, with {@code memmove} in case the buffers overlap.
   */
  static void reshape(COp op, CModuleWriter m) throws CodegenException {
    Tensor in = op.input(0);
    int bytes = in.elementCount() * CModuleWriter.elementBytes(in.type());
    int from = m.arenaOffset(op.in(0));
    int to = m.arenaOffset(op.out(0));
    if (from >= 0 && from == to) {
      m.call(op, "/* output aliases the input at arena offset " + to + ": nothing to move */");
      return;
    }
    m.call(
        op,
        "memmove(" + m.tensor(op.out(0), op) + ", " + m.tensor(op.in(0), op) + ", " + bytes + ");");
  }

  static void quantize(COp op, CModuleWriter m) throws CodegenException {
    Tensor in = op.input(0);
    Tensor out = op.output(0);
    int n = in.elementCount();
    TensorType it = in.type();
    TensorType ot = out.type();
    if (it == TensorType.FLOAT32 && (ot == TensorType.INT8 || ot == TensorType.INT16)) {
      m.useKernel("quantize_f32.c");
      String o = m.tensor(op.out(0), op);
      m.call(
          op,
          "tml_quantize_f32("
              + m.tensor(op.in(0), op)
              + ", "
              + CModuleWriter.floatLiteral((float) (double) COp.scale(out))
              + ", "
              + COp.zeroPoint(out)
              + ", "
              + (ot == TensorType.INT8 ? o : "0")
              + ", "
              + (ot == TensorType.INT8 ? "0" : o)
              + ", "
              + n
              + ");");
      return;
    }
    if (isInt(it) && isInt(ot) && !(it == TensorType.INT32 && ot == TensorType.INT32)) {
      Quantization.Requantize r =
          Quantization.Requantize.of(
              COp.scale(in), COp.zeroPoint(in), COp.scale(out), COp.zeroPoint(out));
      long lo = ot == TensorType.INT8 ? -128 : ot == TensorType.INT16 ? -32768 : Integer.MIN_VALUE;
      long hi = ot == TensorType.INT8 ? 127 : ot == TensorType.INT16 ? 32767 : Integer.MAX_VALUE;
      m.useKernel("requantize.c");
      String params =
          m.params(
              "tml_requantize_params",
              CModuleWriter.opName(op, "params"),
              ConvEmitters.ints(
                      r.inputZeroPoint(),
                      r.outputZeroPoint(),
                      r.multiplier(),
                      r.shift(),
                      (int) lo,
                      (int) hi)
                  + ", "
                  + CModuleWriter.elementBytes(it)
                  + ", "
                  + CModuleWriter.elementBytes(ot),
              28);
      m.call(
          op,
          "tml_requantize("
              + params
              + ", "
              + m.tensor(op.in(0), op)
              + ", "
              + m.tensor(op.out(0), op)
              + ", "
              + n
              + ");");
      return;
    }
    throw op.unsupported(it + " to " + ot);
  }

  private static boolean isInt(TensorType t) {
    return t == TensorType.INT8 || t == TensorType.INT16 || t == TensorType.INT32;
  }

  static void dequantize(COp op, CModuleWriter m) throws CodegenException {
    Tensor in = op.input(0);
    m.useKernel("dequantize.c");
    m.call(
        op,
        "tml_dequantize("
            + m.tensor(op.in(0), op)
            + ", "
            + CModuleWriter.elementBytes(in.type())
            + ", "
            + CModuleWriter.doubleLiteral(COp.scale(in))
            + ", "
            + COp.zeroPoint(in)
            + ", "
            + m.tensor(op.out(0), op)
            + ", "
            + in.elementCount()
            + ");");
  }
}
