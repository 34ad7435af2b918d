package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ArithmeticOp;
import dev.tinyml.ops.BroadcastBinaryOp;
import dev.tinyml.ops.LeakyReluOp;
import dev.tinyml.ops.PreluOp;
import dev.tinyml.ops.Relu6Op;
import dev.tinyml.ops.ReluOp;
import dev.tinyml.ops.SigmoidOp;
import dev.tinyml.ops.SquaredDifferenceOp;
import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.ops.kernels.Prelu;
import dev.tinyml.ops.kernels.Rescale;
import dev.tinyml.ops.kernels.SquaredDifference;
import dev.tinyml.tflite.TensorType;

/**
 * ADD, SUB, MUL, DIV, MINIMUM, MAXIMUM, SQUARED_DIFFERENCE, LOGISTIC, TANH, RELU, RELU6, LEAKY_RELU
 * and PRELU, from the plan records.
 */
final class ElementwiseEmitters {
  private ElementwiseEmitters() {}

  /** The float clamp that changes nothing (NaN included), for the binary ops without one. */
  private static final String UNCLAMPED =
      CModuleWriter.floatRange(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);

  static void arithmetic(COp op, ArithmeticOp.Plan plan, CModuleWriter m) throws CodegenException {
    Arithmetic.Plan p = plan.arithmetic();
    if (p == null) {
      binary(op, plan.int32(), m);
      return;
    }
    if (plan.isInt16()) {
      throw op.unsupported("int16 " + p.op() + " (the C kernels are int8 and float32)");
    }
    String bc = broadcast(op, m);
    String x = m.tensor(plan.x(), op);
    String y = m.tensor(plan.y(), op);
    String out = m.tensor(plan.output(), op);
    if (plan.isFloat()) {
      m.useKernel("binary_f32.c");
      m.call(
          op,
          "tml_binary_f32",
          switch (p.op()) {
            case ADD -> 0;
            case SUB -> 1;
            case MUL -> 2;
          },
          bc,
          x,
          y,
          CModuleWriter.floatRange(p.floatMin(), p.floatMax()),
          out);
      return;
    }
    String kernel = p.op() == Arithmetic.Op.MUL ? "mul_s8" : "add_s8";
    // Both structs start with the three offsets; MUL has only the output's multiplier.
    String offsets =
        CModuleWriter.ints(p.input1().offset(), p.input2().offset(), p.output().offset());
    String clamp = CModuleWriter.ints(p.actMin(), p.actMax());
    String values =
        p.op() == Arithmetic.Op.MUL
            ? String.join(", ", offsets, multiplier(p.output()), clamp)
            : String.join(
                ", ",
                offsets,
                CModuleWriter.ints(p.leftShift()),
                multiplier(p.input1()),
                multiplier(p.input2()),
                multiplier(p.output()),
                clamp,
                CModuleWriter.ints(p.op() == Arithmetic.Op.ADD ? 1 : -1));
    m.useKernel(kernel + ".c");
    int bytes = p.op() == Arithmetic.Op.MUL ? 28 : 52;
    String params = m.params(op, "tml_" + kernel + "_params", bytes, values);
    m.call(op, "tml_" + kernel, params, bc, x, y, out);
  }

  /**
   * DIV, MINIMUM, MAXIMUM (and ADD, SUB, MUL in int32): float32 and int32 with the fused clamp,
   * MINIMUM/MAXIMUM also on raw int8/int16 values.
   */
  static void binary(COp op, BroadcastBinaryOp.Plan plan, CModuleWriter m) throws CodegenException {
    int code =
        switch (plan.op()) {
          case ADD -> 0;
          case SUB -> 1;
          case MUL -> 2;
          case DIV -> 3;
          case MINIMUM -> 4;
          case MAXIMUM -> 5;
        };
    Operands o = Operands.of(op, m, plan.x(), plan.y(), plan.output());
    switch (plan.type()) {
      case FLOAT32 ->
          binaryKernel(
              op,
              m,
              code,
              plan.type(),
              o,
              CModuleWriter.floatRange(plan.floatMin(), plan.floatMax()));
      case INT32 ->
          binaryKernel(
              op, m, code, plan.type(), o, CModuleWriter.ints(plan.intMin(), plan.intMax()));
      default -> {
        m.useKernel("minmax_s8.c");
        int bytes = CModuleWriter.elementBytes(plan.type());
        m.call(op, "tml_minmax_s8", code == 5 ? 1 : 0, bytes, o.bc(), o.io(), o.out());
      }
    }
  }

  /** A binary op's broadcast walk, its two inputs and its output as C arguments. */
  private record Operands(String bc, String io, String out) {
    static Operands of(COp op, CModuleWriter m, int x, int y, int output) throws CodegenException {
      String bc = broadcast(op, m);
      String io = m.tensors(op, x, y);
      return new Operands(bc, io, m.tensor(output, op));
    }
  }

  /**
   * The call of {@code binary_f32.c} (float32) or {@code binary_s32.c} (int32) for op {@code code}.
   */
  private static void binaryKernel(
      COp op, CModuleWriter m, int code, TensorType type, Operands o, String clamp) {
    String kernel = type == TensorType.FLOAT32 ? "binary_f32" : "binary_s32";
    m.useKernel(kernel + ".c");
    m.call(op, "tml_" + kernel, code, o.bc(), o.io(), clamp, o.out());
  }

  /**
   * The call {@code tml_<kernel>(&params, element_bytes, bc, x, y, out)} of a quantized binary
   * kernel for int8 or int16.
   */
  private static void quantizedKernel(
      COp op, CModuleWriter m, String kernel, int bytes, String values, TensorType type, Operands o)
      throws CodegenException {
    m.useKernel(kernel + ".c");
    String params = m.params(op, "tml_" + kernel + "_params", bytes, values);
    m.call(op, "tml_" + kernel, params, CModuleWriter.elementBytes(type), o.bc(), o.io(), o.out());
  }

  /**
   * SQUARED_DIFFERENCE: float32 and int32 as codes of the binary kernels (without a clamp), int8
   * and int16 rescaled as the interpreter.
   */
  static void squaredDifference(COp op, SquaredDifferenceOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    Operands o = Operands.of(op, m, plan.input1(), plan.input2(), plan.output());
    switch (plan.type()) {
      case FLOAT32 -> binaryKernel(op, m, 6, plan.type(), o, UNCLAMPED);
      case INT32 ->
          binaryKernel(
              op, m, 6, plan.type(), o, CModuleWriter.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
      default -> {
        SquaredDifference.Plan p = plan.kernel();
        String values =
            String.join(
                ", ",
                CModuleWriter.ints(
                    p.input1().offset(), p.input2().offset(), p.output().offset(), p.leftShift()),
                multiplier(p.input1()),
                multiplier(p.input2()),
                multiplier(p.output()));
        quantizedKernel(op, m, "squared_difference_q", 40, values, plan.type(), o);
      }
    }
  }

  /** PRELU with a broadcast alpha: float32 as a code of the binary kernel, int8 and int16. */
  static void prelu(COp op, PreluOp.Plan plan, CModuleWriter m) throws CodegenException {
    Operands o = Operands.of(op, m, plan.input(), plan.alpha(), plan.output());
    if (plan.type() == TensorType.FLOAT32) {
      binaryKernel(op, m, 7, plan.type(), o, UNCLAMPED);
      return;
    }
    Prelu.Plan p = plan.prelu();
    String values =
        String.join(
            ", ",
            CModuleWriter.ints(p.inputOffset(), p.alphaOffset(), p.outputOffset()),
            CModuleWriter.ints(p.multiplier1(), p.shift1(), p.multiplier2(), p.shift2()));
    quantizedKernel(op, m, "prelu_q", 28, values, plan.type(), o);
  }

  /**
   * The {@code tml_broadcast} struct of a binary op's two inputs: the 4-D output extents, then each
   * input's strides, 0 where repeated (the loop layout of the C kernels).
   */
  static String broadcast(COp op, CModuleWriter m) throws CodegenException {
    int[] s1 = op.input(0).shape();
    int[] s2 = op.input(1).shape();
    int rank = Math.max(s1.length, s2.length);
    if (rank > 4) {
      throw op.unsupported("broadcasting over " + rank + " dimensions (at most 4)");
    }
    int[] d1 = pad4(s1);
    int[] d2 = pad4(s2);
    int[] dims = new int[4];
    for (int i = 0; i < 4; i++) {
      dims[i] = Math.max(d1[i], d2[i]);
    }
    return m.params(
        "tml_broadcast",
        CModuleWriter.opName(op, "broadcast"),
        walk(dims, strides(d1, dims), strides(d2, dims)),
        48);
  }

  /** A {@code tml_broadcast} initializer (extents and the two views' strides). */
  static String walk(int[] dims, int[] stride1, int[] stride2) {
    return "{"
        + CModuleWriter.ints(dims)
        + "}, {"
        + CModuleWriter.ints(stride1)
        + "}, {"
        + CModuleWriter.ints(stride2)
        + "}";
  }

  private static int[] pad4(int[] shape) {
    int[] d = {1, 1, 1, 1};
    for (int i = 0; i < shape.length; i++) {
      d[4 - shape.length + i] = shape[i];
    }
    return d;
  }

  private static int[] strides(int[] d, int[] out) {
    int[] s = new int[4];
    int acc = 1;
    for (int i = 3; i >= 0; i--) {
      s[i] = d[i] == 1 && out[i] != 1 ? 0 : acc;
      acc *= d[i];
    }
    return s;
  }

  static void sigmoid(COp op, SigmoidOp.Plan plan, CModuleWriter m, boolean tanh)
      throws CodegenException {
    if (plan.int16() != null) {
      throw op.unsupported(
          "int16 " + (tanh ? "TANH" : "LOGISTIC") + " (the C kernels are int8 and float32)");
    }
    Logistic.Plan p = plan.int8();
    if (p == null) {
      String kernel = tanh ? "tanh_f32" : "logistic_f32";
      unary(op, m, kernel, null, plan.input(), plan.output(), plan.count());
      return;
    }
    String params =
        m.params(
            op,
            "tml_sigmoid_s8_params",
            20,
            CModuleWriter.ints(
                p.inputZeroPoint(),
                p.inputRangeRadius(),
                p.inputMultiplier(),
                p.inputLeftShift(),
                tanh ? 1 : 0));
    unary(op, m, "sigmoid_s8", params, plan.input(), plan.output(), plan.count());
  }

  static void relu(COp op, ReluOp.Plan plan, CModuleWriter m) throws CodegenException {
    Activations.ReluPlan p = plan.int8();
    if (p == null) {
      floatRelu(op, m, 0, 0f, plan.input(), plan.output(), plan.count());
      return;
    }
    String params =
        m.params(
            op,
            "tml_relu_s8_params",
            24,
            CModuleWriter.ints(p.inputZeroPoint(), p.outputZeroPoint(), p.multiplier(), p.shift())
                + ", "
                + CModuleWriter.ints(p.actMin(), p.actMax()));
    unary(op, m, "relu_s8", params, plan.input(), plan.output(), plan.count());
  }

  static void relu6(COp op, Relu6Op.Plan plan, CModuleWriter m) throws CodegenException {
    if (plan.isFloat()) {
      floatRelu(op, m, 1, 0f, plan.input(), plan.output(), plan.count());
      return;
    }
    String bounds = CModuleWriter.ints(plan.zero(), plan.six());
    unary(op, m, "relu6_s8", bounds, plan.input(), plan.output(), plan.count());
  }

  static void leakyRelu(COp op, LeakyReluOp.Plan plan, CModuleWriter m) throws CodegenException {
    Activations.LeakyReluPlan p = plan.int8();
    if (p == null) {
      floatRelu(op, m, 2, plan.alpha(), plan.input(), plan.output(), plan.count());
      return;
    }
    String params =
        m.params(
            op,
            "tml_leaky_relu_s8_params",
            24,
            String.join(
                ", ",
                CModuleWriter.ints(p.inputZeroPoint(), p.outputZeroPoint()),
                CModuleWriter.ints(p.identityMultiplier(), p.identityShift()),
                CModuleWriter.ints(p.alphaMultiplier(), p.alphaShift())));
    unary(op, m, "leaky_relu_s8", params, plan.input(), plan.output(), plan.count());
  }

  private static void floatRelu(
      COp op, CModuleWriter m, int kind, float alpha, int in, int out, int count)
      throws CodegenException {
    String args = kind + ", " + CModuleWriter.floatLiteral(alpha);
    unary(op, m, "relu_f32", args, in, out, count);
  }

  /**
   * An element-wise kernel call {@code tml_<kernel>([leading, ]in, out, count)}.
   *
   * @param leading the arguments before the tensors (parameters), or null
   */
  static void unary(
      COp op, CModuleWriter m, String kernel, String leading, int in, int out, int count)
      throws CodegenException {
    m.useKernel(kernel + ".c");
    String io = m.tensor(in, op) + ", " + m.tensor(out, op) + ", " + count;
    m.call(op, "tml_" + kernel, leading == null ? io : leading + ", " + io);
  }

  /** A rescale's significand and exponent, as the C parameter structs hold them. */
  static String multiplier(Rescale r) {
    return CModuleWriter.ints(r.multiplier(), r.shift());
  }
}
