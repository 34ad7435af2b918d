package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.util.List;

/** One-operator models for the ops no fixture model uses. */
final class SingleOpModels {
  private final Model model = new Model();
  private final SubGraph graph = new SubGraph();

  SingleOpModels() {
    model.buffers().add(new Buffer());
    model.subgraphs().add(graph);
  }

  /** Adds an activation tensor (quantized when {@code scale > 0}) and returns its index. */
  int tensor(String name, TensorType type, float scale, int zeroPoint, int... shape) {
    Tensor t = new Tensor(name, type, shape);
    if (scale > 0) {
      t.setQuantization(QuantizationParameters.perTensor(scale, zeroPoint));
    }
    graph.addTensor(t);
    return graph.tensors().size() - 1;
  }

  /** Adds a constant INT32 tensor and returns its index. */
  int int32(int[] shape, int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    int buffer = model.addBuffer(new Buffer(b.array()));
    graph.addTensor(
        new Tensor("c" + graph.tensors().size(), TensorType.INT32, shape).setBuffer(buffer));
    return graph.tensors().size() - 1;
  }

  /**
   * Adds a constant tensor of seeded values and returns its index: floats uniform in [-1, 1) for
   * FLOAT32, else uniform bytes (little-endian, so INT32 values are uniform too).
   *
   * @param quantization the tensor's quantization, or null
   */
  int seededConstant(
      String name, TensorType type, QuantizationParameters quantization, long seed, int... shape) {
    Tensor t = new Tensor(name, type, shape).setQuantization(quantization);
    java.util.Random random = new java.util.Random(seed);
    byte[] data = new byte[t.elementCount() * type.byteSize()];
    if (type == TensorType.FLOAT32) {
      ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < t.elementCount(); i++) {
        b.putFloat(random.nextFloat() * 2f - 1f);
      }
    } else {
      random.nextBytes(data);
    }
    graph.addTensor(t.setBuffer(model.addBuffer(new Buffer(data))));
    return graph.tensors().size() - 1;
  }

  /** Adds a variable (operator state) tensor and returns its index. */
  int variable(String name, TensorType type, float scale, int zeroPoint, int... shape) {
    int index = tensor(name, type, scale, zeroPoint, shape);
    graph.tensors().get(index).setVariable(true);
    return index;
  }

  /** Adds a constant INT64 tensor and returns its index. */
  int int64(int[] shape, long... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    int buffer = model.addBuffer(new Buffer(b.array()));
    graph.addTensor(
        new Tensor("c" + graph.tensors().size(), TensorType.INT64, shape).setBuffer(buffer));
    return graph.tensors().size() - 1;
  }

  /** Adds a constant INT16 tensor and returns its index. */
  int int16(int[] shape, int... values) {
    ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putShort((short) v);
    }
    int buffer = model.addBuffer(new Buffer(b.array()));
    graph.addTensor(
        new Tensor("c" + graph.tensors().size(), TensorType.INT16, shape).setBuffer(buffer));
    return graph.tensors().size() - 1;
  }

  /**
   * Adds the custom operator {@code name} (version 1) with FlexBuffers {@code options}, marks
   * inputs and outputs, and returns the model.
   */
  Model custom(String name, byte[] options, int[] modelInputs, int[] inputs, int... outputs) {
    int c = model.addOperatorCode(OperatorCode.custom(name, 1));
    graph
        .operators()
        .add(new Operator(c, inputs, outputs, (BuiltinOptions) null).setCustomOptions(options));
    graph.setInputs(modelInputs);
    graph.setOutputs(outputs);
    return model;
  }

  /** Adds the operator, marks inputs and output, and returns the model. */
  Model op(
      BuiltinOperator code, BuiltinOptions options, int[] modelInputs, int[] inputs, int output) {
    int c = model.addOperatorCode(new OperatorCode(code, 1));
    graph.operators().add(new Operator(c, inputs, new int[] {output}, options));
    graph.setInputs(modelInputs);
    graph.setOutputs(output);
    return model;
  }

  /** Adds the operator with several outputs, marks inputs and outputs, and returns the model. */
  Model op(
      BuiltinOperator code,
      BuiltinOptions options,
      int[] modelInputs,
      int[] inputs,
      int[] outputs) {
    int c = model.addOperatorCode(new OperatorCode(code, 1));
    graph.operators().add(new Operator(c, inputs, outputs, options));
    graph.setInputs(modelInputs);
    graph.setOutputs(outputs);
    return model;
  }

  /**
   * Builds {@code model}'s module with a test main on the host and requires every output of three
   * seeded runs to equal the interpreter's byte for byte.
   */
  static void assertHostEqualsInterpreter(Path dir, Model model) throws Exception {
    assertHostEqualsInterpreter(dir, model, SeededInputs.of(model, 3, 7L));
  }

  /**
   * The same on the given input sets ({@code [run][input]} little-endian bytes), for edge values
   * seeded inputs do not reach.
   */
  static void assertHostEqualsInterpreter(Path dir, Model model, List<byte[][]> runs)
      throws Exception {
    Toolchain.require("gcc", "the host build of the generated C");
    int outputs = model.primarySubgraph().outputs().length;
    CModule module = CBackend.render(model, "op");
    CProgram.write(dir, module, runs, false);
    Path exe = Toolchain.hostBuild(dir, module);
    byte[][][] c =
        CProgram.parse(Toolchain.runOk(dir, 120, List.of(exe.toString())), runs.size(), outputs);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    for (int r = 0; r < runs.size(); r++) {
      for (int o = 0; o < outputs; o++) {
        assertThat(c[r][o]).as("run %d output %d", r, o).isEqualTo(java[r][o]);
      }
    }
  }
}
