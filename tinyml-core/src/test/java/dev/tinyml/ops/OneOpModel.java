package dev.tinyml.ops;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds a model of one operator: runtime inputs, constant operands and outputs, in order. */
final class OneOpModel {

  private final Model model = new Model();
  private final SubGraph graph = new SubGraph();
  private final List<Integer> operands = new ArrayList<>();
  private final List<Integer> inputs = new ArrayList<>();
  private final List<Integer> outputs = new ArrayList<>();

  OneOpModel() {
    model.buffers().add(new Buffer());
  }

  private int add(Tensor t) {
    graph.addTensor(t);
    return graph.tensors().size() - 1;
  }

  /** A runtime input operand. */
  OneOpModel input(TensorType type, int... shape) {
    int t = add(new Tensor("in" + inputs.size(), type, shape));
    inputs.add(t);
    operands.add(t);
    return this;
  }

  /** A quantized runtime input operand. */
  OneOpModel input(TensorType type, float scale, int zeroPoint, int... shape) {
    int t =
        add(
            new Tensor("in" + inputs.size(), type, shape)
                .setQuantization(QuantizationParameters.perTensor(scale, zeroPoint)));
    inputs.add(t);
    operands.add(t);
    return this;
  }

  /** A constant INT32 operand of the given shape. */
  OneOpModel ints(int[] shape, int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    int buffer = model.addBuffer(new Buffer(b.array()));
    operands.add(add(new Tensor("c" + operands.size(), TensorType.INT32, shape).setBuffer(buffer)));
    return this;
  }

  /** A constant FLOAT32 operand of the given shape. */
  OneOpModel floats(int[] shape, float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    int buffer = model.addBuffer(new Buffer(b.array()));
    operands.add(
        add(new Tensor("c" + operands.size(), TensorType.FLOAT32, shape).setBuffer(buffer)));
    return this;
  }

  /** A constant per-tensor quantized INT8 operand of the given shape. */
  OneOpModel int8s(int[] shape, float scale, byte... values) {
    int buffer = model.addBuffer(new Buffer(values.clone()));
    operands.add(
        add(
            new Tensor("c" + operands.size(), TensorType.INT8, shape)
                .setBuffer(buffer)
                .setQuantization(QuantizationParameters.perTensor(scale, 0))));
    return this;
  }

  /** A constant INT8 operand quantized per channel along {@code axis} (zero points 0). */
  OneOpModel int8sPerChannel(int[] shape, float[] scales, int axis, byte... values) {
    int buffer = model.addBuffer(new Buffer(values.clone()));
    operands.add(
        add(
            new Tensor("c" + operands.size(), TensorType.INT8, shape)
                .setBuffer(buffer)
                .setQuantization(
                    QuantizationParameters.perChannel(scales, new long[scales.length], axis))));
    return this;
  }

  /** A constant INT64 operand of the given shape (a 16x8 bias). */
  OneOpModel longs(int[] shape, long... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    int buffer = model.addBuffer(new Buffer(b.array()));
    operands.add(add(new Tensor("c" + operands.size(), TensorType.INT64, shape).setBuffer(buffer)));
    return this;
  }

  /** A constant INT32 vector operand. */
  OneOpModel ints(int... values) {
    return ints(new int[] {values.length}, values);
  }

  /** An output. */
  OneOpModel output(TensorType type, int... shape) {
    outputs.add(add(new Tensor("out" + outputs.size(), type, shape)));
    return this;
  }

  /** A quantized output. */
  OneOpModel output(TensorType type, float scale, int zeroPoint, int... shape) {
    outputs.add(
        add(
            new Tensor("out" + outputs.size(), type, shape)
                .setQuantization(QuantizationParameters.perTensor(scale, zeroPoint))));
    return this;
  }

  /** The model running {@code op} (version 1) over the operands and outputs declared so far. */
  Model build(BuiltinOperator op, BuiltinOptions options) {
    graph.setInputs(inputs.stream().mapToInt(Integer::intValue).toArray());
    graph.setOutputs(outputs.stream().mapToInt(Integer::intValue).toArray());
    int code = model.addOperatorCode(new OperatorCode(op, 1));
    graph
        .operators()
        .add(
            new Operator(
                code,
                operands.stream().mapToInt(Integer::intValue).toArray(),
                outputs.stream().mapToInt(Integer::intValue).toArray(),
                options));
    model.subgraphs().add(graph);
    return model;
  }

  /** A fresh interpreter of the prepared model. */
  Interpreter interpreter(BuiltinOperator op, BuiltinOptions options) {
    return PreparedModel.prepare(build(op, options)).newInterpreter();
  }
}
