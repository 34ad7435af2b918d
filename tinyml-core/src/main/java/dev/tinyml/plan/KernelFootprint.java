package dev.tinyml.plan;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SVDFOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.UnidirectionalSequenceLSTMOptions;
import java.util.Set;

/**
 * What each TFLite Micro reference kernel takes from the arena: the builtin parameter struct the op
 * resolver's parser allocates, the {@code OpData} its {@code Init} allocates, the persistent arrays
 * its {@code Prepare} allocates, and the scratch buffers it requests. Derived from the kernels in
 * {@code tensorflow/lite/micro/kernels} at tflite-micro 90b983c2.
 */
final class KernelFootprint {
  /** A C struct's size and alignment. */
  record Struct(int size, int alignment) {}

  /** {@code LUTSize<int16_t>()}: entries in each int16 softmax lookup table. */
  private static final int INT16_LUT_ENTRIES = 513;

  /** Reference kernels that request scratch buffers this class does not model. */
  private static final Set<BuiltinOperator> UNMODELLED_SCRATCH =
      Set.of(
          BuiltinOperator.ADD_N,
          BuiltinOperator.MIRROR_PAD,
          BuiltinOperator.TRANSPOSE_CONV,
          BuiltinOperator.CUSTOM);

  private KernelFootprint() {}

  /**
   * The byte sizes of the scratch buffers the kernel of {@code op} requests in its prepare step, in
   * request order.
   */
  static int[] scratchRequests(Model model, int subgraph, int opIndex, Operator op) {
    BuiltinOperator code = opOf(model, subgraph, opIndex, op);
    if (UNMODELLED_SCRATCH.contains(code)) {
      throw unsupported(model, subgraph, opIndex, op, "its scratch buffers");
    }
    return switch (code) {
      case CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED -> {
        Tensor filter = input(model, subgraph, op, 1);
        yield filter.type() == TensorType.INT4 ? new int[] {filter.elementCount()} : new int[0];
      }
      case SVDF -> svdfScratch(model, subgraph, opIndex, op);
      case UNIDIRECTIONAL_SEQUENCE_LSTM -> lstmScratch(model, subgraph, opIndex, op);
      case MEAN, SUM -> {
        Tensor in = input(model, subgraph, op, 0);
        Tensor axis = input(model, subgraph, op, 1);
        Tensor out = output(model, subgraph, op, 0);
        int rank = 4 * in.shape().length;
        int axes = 4 * Math.max(axis.elementCount(), 0);
        yield in.type() == TensorType.INT8 || in.type() == TensorType.INT16
            ? new int[] {4 * out.elementCount(), rank, axes}
            : new int[] {rank, axes};
      }
      case REDUCE_MAX, REDUCE_MIN -> {
        Tensor in = input(model, subgraph, op, 0);
        Tensor axis = input(model, subgraph, op, 1);
        yield new int[] {4 * in.shape().length, 4 * Math.max(axis.elementCount(), 0)};
      }
      default -> new int[0];
    };
  }

  private static int[] svdfScratch(Model model, int subgraph, int opIndex, Operator op) {
    Tensor in = input(model, subgraph, op, 0);
    Tensor weightsFeature = input(model, subgraph, op, 1);
    int rank = op.options() instanceof SVDFOptions o ? o.rank() : 0;
    if (rank <= 0) {
      throw new PlanningException(
          "Operator " + opIndex + " (SVDF) of subgraph " + subgraph + " has no positive rank.");
    }
    int batch = in.shape()[0];
    int filters = weightsFeature.shape()[0];
    int units = filters / rank;
    return in.type() == TensorType.INT8
        ? new int[] {batch * filters * 4, batch * units * 4}
        : new int[] {batch * filters * 4};
  }

  private static int[] lstmScratch(Model model, int subgraph, int opIndex, Operator op) {
    // Inputs 18 and 19 are the hidden (output) state and the cell state (kLstmOutputStateTensor,
    // kLstmCellStateTensor); the kernel asks for four buffers of batch x state cell values.
    Tensor in = input(model, subgraph, op, 0);
    Tensor hidden = input(model, subgraph, op, 18);
    Tensor cell = input(model, subgraph, op, 19);
    boolean timeMajor =
        op.options() instanceof UnidirectionalSequenceLSTMOptions o && o.timeMajor();
    int batch = timeMajor ? in.shape()[1] : in.shape()[0];
    int state = hidden.shape()[1];
    int bytes = batch * state * TflmTensors.typeSize(cell.type());
    return new int[] {bytes, bytes, bytes, bytes};
  }

  /** The builtin parameter struct the parser allocates, or null if it allocates none. */
  static Struct builtinParams(Model model, int subgraph, int opIndex, Operator op, Target t) {
    boolean arm = t.shortEnums;
    return switch (known(model, subgraph, opIndex, op)) {
      case FULLY_CONNECTED -> arm ? new Struct(5, 1) : new Struct(16, 4);
      case CONV_2D, DEPTHWISE_CONV_2D -> new Struct(28, 4);
      case AVERAGE_POOL_2D, MAX_POOL_2D -> new Struct(40, 4);
      case RESHAPE, SQUEEZE -> new Struct(36, 4);
      case SOFTMAX, LEAKY_RELU -> new Struct(4, 4);
      case SVDF -> arm ? new Struct(8, 4) : new Struct(12, 4);
      case UNIDIRECTIONAL_SEQUENCE_LSTM -> new Struct(16, 4);
      case ADD, SUB -> arm ? new Struct(2, 1) : new Struct(8, 4);
      case MUL -> arm ? new Struct(1, 1) : new Struct(4, 4);
      case CONCATENATION -> new Struct(8, 4);
      case MEAN -> new Struct(1, 1);
      default -> null;
    };
  }

  /** The size of the {@code OpData} the kernel's {@code Init} allocates, or 0 for none. */
  static int opData(Model model, int subgraph, int opIndex, Operator op, Target t) {
    boolean p64 = t.pointerSize == 8;
    return switch (known(model, subgraph, opIndex, op)) {
      case FULLY_CONNECTED -> p64 ? 64 : 48;
      case CONV_2D, DEPTHWISE_CONV_2D -> p64 ? 72 : 56;
      case AVERAGE_POOL_2D, MAX_POOL_2D -> 32;
      case SOFTMAX -> p64 ? 80 : 56;
      case ADD -> 64;
      case SUB -> 56;
      case MUL -> 36;
      case QUANTIZE, DEQUANTIZE -> 32;
      case LOGISTIC, TANH -> 16;
      case RELU -> 36;
      case RELU6 -> 8;
      case LEAKY_RELU -> 24;
      case MEAN -> 52;
      case PAD -> 56;
      case CONCATENATION -> p64 ? 40 : 24;
      case SVDF -> 36;
      case UNIDIRECTIONAL_SEQUENCE_LSTM -> 688;
      default -> 0;
    };
  }

  /** The sizes of the persistent buffers the kernel's {@code Prepare} allocates, in order. */
  static int[] prepareAllocations(Model model, int subgraph, int opIndex, Operator op) {
    return switch (known(model, subgraph, opIndex, op)) {
      case CONV_2D -> perChannel(input(model, subgraph, op, 1).shape()[0]);
      case DEPTHWISE_CONV_2D -> perChannel(input(model, subgraph, op, 1).shape()[3]);
      case FULLY_CONNECTED -> {
        Tensor in = input(model, subgraph, op, 0);
        QuantizationParameters q = input(model, subgraph, op, 1).quantization();
        boolean integer = in.type() == TensorType.INT8 || in.type() == TensorType.INT16;
        yield integer && q != null && q.scale() != null && q.scale().length > 1
            ? perChannel(q.scale().length)
            : new int[0];
      }
      case SOFTMAX ->
          input(model, subgraph, op, 0).type() == TensorType.INT16
              ? new int[] {2 * INT16_LUT_ENTRIES, 2 * INT16_LUT_ENTRIES}
              : new int[0];
      default -> new int[0];
    };
  }

  private static int[] perChannel(int channels) {
    return new int[] {4 * channels, 4 * channels};
  }

  private static BuiltinOperator known(Model model, int subgraph, int opIndex, Operator op) {
    BuiltinOperator code = opOf(model, subgraph, opIndex, op);
    return switch (code) {
      case FULLY_CONNECTED,
          CONV_2D,
          DEPTHWISE_CONV_2D,
          AVERAGE_POOL_2D,
          MAX_POOL_2D,
          RESHAPE,
          SQUEEZE,
          SOFTMAX,
          LOGISTIC,
          TANH,
          RELU,
          RELU6,
          LEAKY_RELU,
          ADD,
          SUB,
          MUL,
          MEAN,
          PAD,
          CONCATENATION,
          QUANTIZE,
          DEQUANTIZE,
          SVDF,
          UNIDIRECTIONAL_SEQUENCE_LSTM ->
          code;
      default -> throw unsupported(model, subgraph, opIndex, op, "its persistent data");
    };
  }

  private static BuiltinOperator opOf(Model model, int subgraph, int opIndex, Operator op) {
    if (op.opcodeIndex() < 0 || op.opcodeIndex() >= model.operatorCodes().size()) {
      throw new PlanningException(
          "Operator "
              + opIndex
              + " of subgraph "
              + subgraph
              + " uses operator code "
              + op.opcodeIndex()
              + ", but the model has "
              + model.operatorCodes().size()
              + " codes; the model is malformed.");
    }
    BuiltinOperator code = model.opOf(op);
    if (code == null) {
      throw unsupported(model, subgraph, opIndex, op, "its arena needs");
    }
    return code;
  }

  private static PlanningException unsupported(
      Model model, int subgraph, int opIndex, Operator op, String what) {
    return new PlanningException(
        "Operator "
            + opIndex
            + " ("
            + model.operatorCodeOf(op).displayName()
            + ") of subgraph "
            + subgraph
            + ": the planner does not know "
            + what
            + " in TFLite Micro. Supported: FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D,"
            + " AVERAGE_POOL_2D, MAX_POOL_2D, RESHAPE, SQUEEZE, SOFTMAX, LOGISTIC, TANH, RELU, RELU6,"
            + " LEAKY_RELU, ADD, SUB, MUL, MEAN, PAD, CONCATENATION, QUANTIZE, DEQUANTIZE, SVDF,"
            + " UNIDIRECTIONAL_SEQUENCE_LSTM.");
  }

  private static Tensor input(Model model, int subgraph, Operator op, int k) {
    if (k >= op.inputs().length || op.inputs()[k] < 0) {
      throw new PlanningException(
          "An operator of subgraph " + subgraph + " lacks its input " + k + "; malformed model.");
    }
    return TflmTensors.tensor(model, subgraph, op.inputs()[k], "input " + k);
  }

  private static Tensor output(Model model, int subgraph, Operator op, int k) {
    if (k >= op.outputs().length || op.outputs()[k] < 0) {
      throw new PlanningException(
          "An operator of subgraph " + subgraph + " lacks its output " + k + "; malformed model.");
    }
    return TflmTensors.tensor(model, subgraph, op.outputs()[k], "output " + k);
  }
}
