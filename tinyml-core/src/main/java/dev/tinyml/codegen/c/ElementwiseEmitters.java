package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ArithmeticOp;
import dev.tinyml.ops.LeakyReluOp;
import dev.tinyml.ops.Relu6Op;
import dev.tinyml.ops.ReluOp;
import dev.tinyml.ops.SigmoidOp;
import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.ops.kernels.Logistic;

/** ADD, SUB, MUL, LOGISTIC, TANH, RELU, RELU6 and LEAKY_RELU in int8, from the plan records. */
final class ElementwiseEmitters {
  private ElementwiseEmitters() {}

  static void arithmetic(COp op, ArithmeticOp.Plan plan, CModuleWriter m) throws CodegenException {
    Arithmetic.Plan p = plan.arithmetic();
    if (p == null) {
      throw op.unsupported("int32 " + op.code() + " (int8 and float32 are compiled)");
    }
    String bc =
        m.params(
            "tml_broadcast",
            CModuleWriter.opName(op, "broadcast"),
            broadcast(op, op.input(0).shape(), op.input(1).shape()),
            48);
    if (plan.isFloat()) {
      m.useKernel("arithmetic_f32.c");
      int code =
          switch (p.op()) {
            case ADD -> 0;
            case SUB -> 1;
            case MUL -> 2;
          };
      m.call(
          op,
          "tml_arithmetic_f32("
              + code
              + ", "
              + bc
              + ", "
              + m.tensor(plan.x(), op)
              + ", "
              + m.tensor(plan.y(), op)
              + ", "
              + CModuleWriter.floatLiteral(p.floatMin())
              + ", "
              + CModuleWriter.floatLiteral(p.floatMax())
              + ", "
              + m.tensor(plan.output(), op)
              + ");");
      return;
    }
    String name = CModuleWriter.opName(op, "params");
    String params;
    String kernel;
    if (p.op() == Arithmetic.Op.MUL) {
      m.useKernel("mul_s8.c");
      kernel = "tml_mul_s8";
      params =
          m.params(
              "tml_mul_s8_params",
              name,
              ConvEmitters.ints(
                  p.input1Offset(),
                  p.input2Offset(),
                  p.outputOffset(),
                  p.outputMultiplier(),
                  p.outputShift(),
                  p.actMin(),
                  p.actMax()),
              28);
    } else {
      m.useKernel("add_s8.c");
      kernel = "tml_add_s8";
      params =
          m.params(
              "tml_add_s8_params",
              name,
              ConvEmitters.ints(
                  p.input1Offset(),
                  p.input2Offset(),
                  p.outputOffset(),
                  p.leftShift(),
                  p.input1Multiplier(),
                  p.input1Shift(),
                  p.input2Multiplier(),
                  p.input2Shift(),
                  p.outputMultiplier(),
                  p.outputShift(),
                  p.actMin(),
                  p.actMax(),
                  p.op() == Arithmetic.Op.ADD ? 1 : -1),
              52);
    }
    m.call(
        op,
        kernel
            + "("
            + params
            + ", "
            + bc
            + ", "
            + m.tensor(plan.x(), op)
            + ", "
            + m.tensor(plan.y(), op)
            + ", "
            + m.tensor(plan.output(), op)
            + ");");
  }

  /**
   * The 4-D broadcast initializer (output extents, then each input's strides, 0 where repeated):
   * the loop layout of the C kernel, derived from the tensor shapes.
   */
  static String broadcast(COp op, int[] s1, int[] s2) throws CodegenException {
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
    return "{"
        + ConvEmitters.ints(dims)
        + "}, {"
        + ConvEmitters.ints(strides(d1, dims))
        + "}, {"
        + ConvEmitters.ints(strides(d2, dims))
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
    Logistic.Plan p = plan.int8();
    if (p == null) {
      String kernel = tanh ? "tanh_f32" : "logistic_f32";
      m.useKernel(kernel + ".c");
      m.call(
          op,
          "tml_" + kernel + "(" + floatIo(op, plan.input(), plan.output(), plan.count(), m) + ");");
      return;
    }
    String kernel = tanh ? "tanh_s8" : "logistic_s8";
    m.useKernel(kernel + ".c");
    String params =
        m.params(
            "tml_" + kernel + "_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.inputZeroPoint(), p.inputRangeRadius(), p.inputMultiplier(), p.inputLeftShift()),
            16);
    m.call(
        op,
        "tml_"
            + kernel
            + "("
            + params
            + ", "
            + m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.output(), op)
            + ", "
            + plan.count()
            + ");");
  }

  static void relu(COp op, ReluOp.Plan plan, CModuleWriter m) throws CodegenException {
    Activations.ReluPlan p = plan.int8();
    if (p == null) {
      floatRelu(op, m, 0, 0f, plan.input(), plan.output(), plan.count());
      return;
    }
    m.useKernel("relu_s8.c");
    String params =
        m.params(
            "tml_relu_s8_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.inputZeroPoint(),
                p.outputZeroPoint(),
                p.multiplier(),
                p.shift(),
                p.actMin(),
                p.actMax()),
            24);
    m.call(
        op,
        "tml_relu_s8("
            + params
            + ", "
            + m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.output(), op)
            + ", "
            + plan.count()
            + ");");
  }

  static void relu6(COp op, Relu6Op.Plan plan, CModuleWriter m) throws CodegenException {
    if (plan.isFloat()) {
      floatRelu(op, m, 1, 0f, plan.input(), plan.output(), plan.count());
      return;
    }
    m.useKernel("relu6_s8.c");
    m.call(
        op,
        "tml_relu6_s8("
            + ConvEmitters.ints(plan.zero(), plan.six())
            + ", "
            + m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.output(), op)
            + ", "
            + plan.count()
            + ");");
  }

  static void leakyRelu(COp op, LeakyReluOp.Plan plan, CModuleWriter m) throws CodegenException {
    Activations.LeakyReluPlan p = plan.int8();
    if (p == null) {
      floatRelu(op, m, 2, plan.alpha(), plan.input(), plan.output(), plan.count());
      return;
    }
    m.useKernel("leaky_relu_s8.c");
    String params =
        m.params(
            "tml_leaky_relu_s8_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.inputZeroPoint(),
                p.outputZeroPoint(),
                p.identityMultiplier(),
                p.identityShift(),
                p.alphaMultiplier(),
                p.alphaShift()),
            24);
    m.call(
        op,
        "tml_leaky_relu_s8("
            + params
            + ", "
            + m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.output(), op)
            + ", "
            + plan.count()
            + ");");
  }

  private static String floatIo(COp op, int in, int out, int count, CModuleWriter m)
      throws CodegenException {
    return m.tensor(in, op) + ", " + m.tensor(out, op) + ", " + count;
  }

  private static void floatRelu(
      COp op, CModuleWriter m, int kind, float alpha, int in, int out, int count)
      throws CodegenException {
    m.useKernel("relu_f32.c");
    m.call(
        op,
        "tml_relu_f32("
            + kind
            + ", "
            + CModuleWriter.floatLiteral(alpha)
            + ", "
            + floatIo(op, in, out, count, m)
            + ");");
  }
}
