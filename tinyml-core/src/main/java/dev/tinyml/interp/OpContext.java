package dev.tinyml.interp;

import dev.tinyml.interp.kernels.Activation;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Arrays;

/** What an op's preparation needs to know about the model, with errors that name the op. */
final class OpContext {
  final Model model;
  final SubGraph graph;
  final Object[] constants;
  final int index;
  final Operator op;
  final String opName;

  OpContext(
      Model model, SubGraph graph, Object[] constants, int index, Operator op, String opName) {
    this.model = model;
    this.graph = graph;
    this.constants = constants;
    this.index = index;
    this.op = op;
    this.opName = opName;
  }

  int inputCount() {
    return op.inputs().length;
  }

  /** Tensor index of input {@code i}, or -1 when absent. */
  int in(int i) {
    return i < op.inputs().length ? op.inputs()[i] : -1;
  }

  int out(int i) {
    if (i >= op.outputs().length) {
      throw fail("output " + i + " is missing");
    }
    return op.outputs()[i];
  }

  Tensor tensor(int t) {
    return graph.tensors().get(t);
  }

  Tensor input(int i) {
    int t = in(i);
    if (t < 0) {
      throw fail("input " + i + " is missing");
    }
    return tensor(t);
  }

  Tensor output(int i) {
    return tensor(out(i));
  }

  TensorType type(Tensor t) {
    return t.type();
  }

  /** The constant array of input {@code i}, or null when it is computed at run time. */
  Object constant(int i) {
    int t = in(i);
    return t < 0 ? null : constants[t];
  }

  Object requireConstant(int i, String what) {
    Object c = constant(i);
    if (c == null) {
      throw fail(what + " (input " + i + ", " + describe(input(i)) + ") must be a constant");
    }
    return c;
  }

  /**
   * The op's options as a {@code type} record, or {@code null} when the op has none. Options of
   * another kind ({@link dev.tinyml.tflite.UnknownOptions} from a newer schema or an enum value
   * outside it) fail rather than be ignored: running with default options would compute the wrong
   * thing.
   */
  <T extends BuiltinOptions> T optionsOrNull(Class<T> type) {
    BuiltinOptions o = op.options();
    if (o == null || type.isInstance(o)) {
      return type.cast(o);
    }
    throw fail(
        "options "
            + o
            + " are not "
            + type.getSimpleName()
            + " (a field of a newer schema or a value outside it?); convert the model with a"
            + " TensorFlow version whose schema the interpreter knows");
  }

  /** The op's options as a {@code type} record; they must be present. */
  <T extends BuiltinOptions> T options(Class<T> type) {
    T o = optionsOrNull(type);
    if (o == null) {
      throw fail(
          "has no " + type.getSimpleName() + "; the model file is incomplete, re-convert it");
    }
    return o;
  }

  /** Fails unless {@code t}, the op's {@code role} tensor, has exactly {@code rank} dimensions. */
  void requireRank(Tensor t, int rank, String role) {
    if (t.shape().length != rank) {
      throw fail(role + " " + describe(t) + " must have " + rank + " dimensions");
    }
  }

  static String describe(Tensor t) {
    String name = t.name() == null || t.name().isEmpty() ? "<unnamed>" : t.name();
    return "'" + name + "' " + t.type() + Arrays.toString(t.shape());
  }

  float scale(Tensor t) {
    QuantizationParameters q = t.quantization();
    if (q == null || !q.hasScale()) {
      throw fail("tensor " + describe(t) + " has no quantization scale");
    }
    return q.scale()[0];
  }

  int zeroPoint(Tensor t) {
    QuantizationParameters q = t.quantization();
    return q == null || q.zeroPoint().length == 0 ? 0 : (int) q.zeroPoint()[0];
  }

  float[] scales(Tensor t) {
    QuantizationParameters q = t.quantization();
    if (q == null || !q.hasScale()) {
      throw fail("tensor " + describe(t) + " has no quantization scale");
    }
    return q.scale();
  }

  Activation activation(ActivationFunctionType a) {
    return switch (a) {
      case NONE -> Activation.NONE;
      case RELU -> Activation.RELU;
      case RELU_N1_TO_1 -> Activation.RELU_N1_TO_1;
      case RELU6 -> Activation.RELU6;
      default ->
          throw fail(
              "fused activation "
                  + a
                  + " is not supported (TFLM supports NONE, RELU, RELU_N1_TO_1, RELU6)");
    };
  }

  InterpreterException fail(String message) {
    return fail(message, null);
  }

  InterpreterException fail(String message, Throwable cause) {
    return new InterpreterException("op #" + index + " " + opName + ": " + message, cause);
  }

  InterpreterException unsupportedTypes() {
    StringBuilder sb = new StringBuilder("unsupported tensor types: inputs ");
    for (int i = 0; i < op.inputs().length; i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(op.inputs()[i] < 0 ? "-" : describe(tensor(op.inputs()[i])));
    }
    sb.append("; outputs ");
    for (int i = 0; i < op.outputs().length; i++) {
      sb.append(i == 0 ? "" : ", ").append(describe(tensor(op.outputs()[i])));
    }
    return fail(sb.toString());
  }
}
