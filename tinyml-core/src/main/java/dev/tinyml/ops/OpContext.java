package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an op's {@link Op#prepare} needs to know about one operator of a model: its tensors, the
 * decoded constants, its options; errors it makes name the op.
 */
public final class OpContext {
  private final Model model;
  private final SubGraph graph;
  private final Object[] constants;
  private final int index;
  private final Operator op;
  private final String opName;

  /**
   * The context of operator {@code index}.
   *
   * @param model the model
   * @param graph the subgraph the operator belongs to
   * @param constants each tensor's decoded constant array (null when computed at run time)
   * @param index the operator's index in the subgraph
   * @param op the operator
   * @param opName how errors name it
   */
  public OpContext(
      Model model, SubGraph graph, Object[] constants, int index, Operator op, String opName) {
    this.model = model;
    this.graph = graph;
    this.constants = constants;
    this.index = index;
    this.op = op;
    this.opName = opName;
  }

  /** The model. */
  public Model model() {
    return model;
  }

  /** The operator's index in its subgraph. */
  public int index() {
    return index;
  }

  /** The operator. */
  public Operator operator() {
    return op;
  }

  /** The operator's custom options (FlexBuffers for custom ops), or null. */
  public byte[] customOptions() {
    return op.customOptions();
  }

  /** Number of input slots, absent optional inputs included. */
  public int inputCount() {
    return op.inputs().length;
  }

  /** Tensor index of input {@code i}, or -1 when absent. */
  public int in(int i) {
    return i < op.inputs().length ? op.inputs()[i] : -1;
  }

  /** Tensor index of output {@code i}; fails when the op has no such output. */
  public int out(int i) {
    if (i >= op.outputs().length) {
      throw fail("output " + i + " is missing");
    }
    return op.outputs()[i];
  }

  /** Tensor {@code t} of the subgraph. */
  public Tensor tensor(int t) {
    return graph.tensors().get(t);
  }

  /** Input {@code i}; fails when it is absent. */
  public Tensor input(int i) {
    int t = in(i);
    if (t < 0) {
      throw fail("input " + i + " is missing");
    }
    return tensor(t);
  }

  /** Output {@code i}; fails when it is absent. */
  public Tensor output(int i) {
    return tensor(out(i));
  }

  /**
   * Input {@code i}, the op's {@code role} tensor; fails when it is absent or not of element type
   * {@code type}.
   */
  public Tensor input(int i, TensorType type, String role) {
    Tensor t = input(i);
    requireType(t, type, role);
    return t;
  }

  /**
   * Output {@code i}, the op's {@code role} tensor; fails unless it has element type {@code type}.
   */
  public Tensor output(int i, TensorType type, String role) {
    Tensor t = output(i);
    requireType(t, type, role);
    return t;
  }

  /** The element type of {@code t}. */
  public TensorType type(Tensor t) {
    return t.type();
  }

  /** The constant array of input {@code i}, or null when it is computed at run time. */
  public Object constant(int i) {
    int t = in(i);
    return t < 0 ? null : constants[t];
  }

  /** The constant array of input {@code i}, {@code what} it is; fails when not constant. */
  public Object requireConstant(int i, String what) {
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
  public <T extends BuiltinOptions> T optionsOrNull(Class<T> type) {
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
  public <T extends BuiltinOptions> T options(Class<T> type) {
    T o = optionsOrNull(type);
    if (o == null) {
      throw fail(
          "has no " + type.getSimpleName() + "; the model file is incomplete, re-convert it");
    }
    return o;
  }

  /** Fails unless {@code t}, the op's {@code role} tensor, has exactly {@code rank} dimensions. */
  public void requireRank(Tensor t, int rank, String role) {
    if (t.shape().length != rank) {
      throw fail(role + " " + describe(t) + " must have " + rank + " dimensions");
    }
  }

  /** A tensor as errors show it: {@code 'name' INT8[1, 2]}. */
  public static String describe(Tensor t) {
    String name = t.name() == null || t.name().isEmpty() ? "<unnamed>" : t.name();
    return "'" + name + "' " + t.type() + Arrays.toString(t.shape());
  }

  /** The tensor's (first) quantization scale; fails when it has none. */
  public float scale(Tensor t) {
    QuantizationParameters q = t.quantization();
    if (q == null || !q.hasScale()) {
      throw fail("tensor " + describe(t) + " has no quantization scale");
    }
    return q.scale()[0];
  }

  /** The tensor's (first) zero point, 0 when it has none. */
  public int zeroPoint(Tensor t) {
    QuantizationParameters q = t.quantization();
    return q == null || q.zeroPoint().length == 0 ? 0 : (int) q.zeroPoint()[0];
  }

  /** The tensor's quantization scales (one per channel when per-channel). */
  public float[] scales(Tensor t) {
    QuantizationParameters q = t.quantization();
    if (q == null || !q.hasScale()) {
      throw fail("tensor " + describe(t) + " has no quantization scale");
    }
    return q.scale();
  }

  /** The kernel clamp of fused activation {@code a}; fails for those TFLM does not fuse. */
  public Activation activation(ActivationFunctionType a) {
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

  /**
   * The kernel clamp of the fused activation {@code field} of the op's {@code type} options, NONE
   * when the op has no options.
   */
  public <T extends BuiltinOptions> Activation fusedActivation(
      Class<T> type, Function<T, ActivationFunctionType> field) {
    T o = optionsOrNull(type);
    return activation(o == null ? ActivationFunctionType.NONE : field.apply(o));
  }

  /**
   * Fails unless input and weights are both float or both quantized: TFLM runs no hybrid (float
   * activations, integer weights) kernels.
   */
  public void requireHybridFree(Tensor input, Tensor filter) {
    if (input.type() == TensorType.FLOAT32 && filter.type() != TensorType.FLOAT32) {
      throw fail(
          "Hybrid models are not supported on TFLite Micro: input "
              + describe(input)
              + " is float but weights "
              + describe(filter)
              + " are "
              + filter.type()
              + "; convert the model with full integer quantization or keep it all float");
    }
  }

  /**
   * Fails unless the optional bias input {@code i} is absent or holds {@code channels} values of
   * {@code type}: the kernels index it by output channel.
   */
  public void checkBias(int i, TensorType type, int channels) {
    int t = in(i);
    if (t < 0) {
      return;
    }
    Tensor b = tensor(t);
    if (b.type() != type || b.elementCount() < channels) {
      throw fail(
          "bias "
              + describe(b)
              + " must hold "
              + channels
              + " "
              + type
              + " values, one per output channel");
    }
  }

  /** Fails unless {@code t}, the op's {@code role} tensor, has element type {@code type}. */
  public void requireType(Tensor t, TensorType type, String role) {
    if (t.type() != type) {
      throw fail(role + " " + describe(t) + " must be " + type);
    }
  }

  /** Fails unless {@code t}, the op's {@code role} tensor, holds at least {@code count} values. */
  public void requireCount(Tensor t, int count, String role) {
    if (t.elementCount() < count) {
      throw fail(role + " " + describe(t) + " needs at least " + count + " elements");
    }
  }

  /** Fails unless an element-wise op's output has as many elements as its input. */
  public void requireSameCount(Tensor in, Tensor out) {
    if (in.elementCount() != out.elementCount()) {
      throw fail(
          "input " + describe(in) + " and output " + describe(out) + " differ in element count");
    }
  }

  /**
   * What a kernel's {@code prepare} returns; the {@link IllegalArgumentException} it throws for
   * shapes or operands it refuses becomes an error naming the op.
   */
  public <T> T kernelPlan(Supplier<T> prepare) {
    try {
      return prepare.get();
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage());
    }
  }

  /** An error naming the op: {@code op #k NAME: message}. */
  public OpException fail(String message) {
    return fail(message, null);
  }

  /** An error naming the op, with its cause. */
  public OpException fail(String message, Throwable cause) {
    return new OpException("op #" + index + " " + opName + ": " + message, cause);
  }

  /** An error listing the op's input and output tensors, for a type mix the op does not run. */
  public OpException unsupportedTypes() {
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
