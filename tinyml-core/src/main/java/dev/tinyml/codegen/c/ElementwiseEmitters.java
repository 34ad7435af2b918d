package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.interp.kernels.Activation;
import dev.tinyml.interp.kernels.Activations;
import dev.tinyml.interp.kernels.Arithmetic;
import dev.tinyml.interp.kernels.Logistic;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.LeakyReluOptions;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.SubOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** ADD, SUB, MUL, LOGISTIC, TANH, RELU, RELU6 and LEAKY_RELU in int8. */
final class ElementwiseEmitters {
  private ElementwiseEmitters() {}

  static void arithmetic(COp op, CModuleWriter m, Arithmetic.Op kind) throws CodegenException {
    ActivationFunctionType fused =
        switch (kind) {
          case ADD -> {
            AddOptions o = op.options(AddOptions.class);
            yield o == null ? null : o.fusedActivation();
          }
          case SUB -> {
            SubOptions o = op.options(SubOptions.class);
            yield o == null ? null : o.fusedActivation();
          }
          case MUL -> {
            MulOptions o = op.options(MulOptions.class);
            yield o == null ? null : o.fusedActivation();
          }
        };
    Activation act = FusedActivation.of(op, fused);
    Tensor x = op.input(0);
    Tensor y = op.input(1);
    Tensor out = op.output(0);
    if (x.type() != TensorType.INT8
        || y.type() != TensorType.INT8
        || out.type() != TensorType.INT8) {
      throw op.unsupported(x.type() + " and " + y.type() + " to " + out.type());
    }
    Arithmetic.Plan p =
        Arithmetic.prepareInt8(
            kind,
            x.shape(),
            y.shape(),
            COp.scale(x),
            COp.zeroPoint(x),
            COp.scale(y),
            COp.zeroPoint(y),
            COp.scale(out),
            COp.zeroPoint(out),
            act);
    String bc =
        m.params(
            "tml_broadcast",
            CModuleWriter.opName(op, "broadcast"),
            broadcast(op, x.shape(), y.shape()),
            48);
    String name = CModuleWriter.opName(op, "params");
    String params;
    String kernel;
    if (kind == Arithmetic.Op.MUL) {
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
                  kind == Arithmetic.Op.ADD ? 1 : -1),
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
            + m.tensor(op.in(0), op)
            + ", "
            + m.tensor(op.in(1), op)
            + ", "
            + m.tensor(op.out(0), op)
            + ");");
  }

  /** The 4-D broadcast initializer: output extents, then each input's strides (0 = repeated). */
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

  static void logisticOrTanh(COp op, CModuleWriter m, boolean tanh) throws CodegenException {
    Tensor in = op.input(0);
    Tensor out = op.output(0);
    if (in.type() != TensorType.INT8 || out.type() != TensorType.INT8) {
      throw op.unsupported(in.type() + " to " + out.type());
    }
    Logistic.Plan p = Logistic.prepareInt8(COp.scale(in), COp.zeroPoint(in));
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
            + m.tensor(op.in(0), op)
            + ", "
            + m.tensor(op.out(0), op)
            + ", "
            + in.elementCount()
            + ");");
  }

  static void relu(COp op, CModuleWriter m, boolean six) throws CodegenException {
    Tensor in = op.input(0);
    Tensor out = op.output(0);
    if (in.type() != TensorType.INT8 || out.type() != TensorType.INT8) {
      throw op.unsupported(in.type() + " to " + out.type());
    }
    String io = m.tensor(op.in(0), op) + ", " + m.tensor(op.out(0), op) + ", " + in.elementCount();
    if (six) {
      int[] b = Activations.relu6Int8Bounds(COp.scale(in), COp.zeroPoint(in));
      m.useKernel("relu6_s8.c");
      m.call(op, "tml_relu6_s8(" + b[0] + ", " + b[1] + ", " + io + ");");
      return;
    }
    Activations.ReluPlan p =
        Activations.prepareReluInt8(
            COp.scale(in), COp.zeroPoint(in), COp.scale(out), COp.zeroPoint(out));
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
    m.call(op, "tml_relu_s8(" + params + ", " + io + ");");
  }

  static void leakyRelu(COp op, CModuleWriter m) throws CodegenException {
    Tensor in = op.input(0);
    Tensor out = op.output(0);
    if (in.type() != TensorType.INT8 || out.type() != TensorType.INT8) {
      throw op.unsupported(in.type() + " to " + out.type());
    }
    Activations.LeakyReluPlan p =
        Activations.prepareLeakyReluInt8(
            COp.scale(in),
            COp.zeroPoint(in),
            COp.scale(out),
            COp.zeroPoint(out),
            op.options(LeakyReluOptions.class).alpha());
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
            + m.tensor(op.in(0), op)
            + ", "
            + m.tensor(op.out(0), op)
            + ", "
            + in.elementCount()
            + ");");
  }
}
