package dev.tinyml.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.UnidirectionalSequenceLSTMOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The float32 UNIDIRECTIONAL_SEQUENCE_LSTM through the interpreter, on TFLM's 2x3x2x2 case. */
class UnidirectionalSequenceLstmFloatTest {

  /** TFLM's gate weights (input and recurrent alike) per gate: input, forget, cell, output. */
  private static final float[] INPUT_GATE = {10, 10, 20, 20};

  private static final float[] FORGET_GATE = {-10, -10, -20, -20};
  private static final float[] ONES = {1, 1, 1, 1};

  private static final float[] SEQUENCE = {
    0.2f, 0.3f, 0.2f, 0.3f, 0.2f, 0.3f, -0.98f, 0.62f, 0.01f, 0.99f, 0.49f, -0.32f
  };

  private static final double[] EXPECTED = {
    0.26455893, 0.26870455, 0.47935803, 0.47937014, 0.58013272, 0.58013278,
    -1.41184672e-3, -1.43329117e-5, 0.46887168, 0.46891281, 0.50054074, 0.50054148
  };

  /** Builds the op's 24 inputs: [2, steps, 2] input, 2 units, cell clip 6, batch-major. */
  private static final class LstmModel {
    final Model model = new Model();
    final SubGraph graph = new SubGraph();
    final int[] inputs = new int[24];
    int steps = 3;
    TensorType weightType = TensorType.FLOAT32;
    TensorType stateType = TensorType.FLOAT32;
    ActivationFunctionType cellGate = ActivationFunctionType.TANH;
    float cellClip = 6f;
    boolean constantWeights = true;

    LstmModel() {
      model.buffers().add(new Buffer());
      model.subgraphs().add(graph);
      Arrays.fill(inputs, -1);
    }

    private int weights(String name, float[] values, int... shape) {
      Tensor t = new Tensor(name, weightType, shape);
      if (weightType == TensorType.INT8) {
        byte[] q = new byte[values.length];
        for (int i = 0; i < q.length; i++) {
          q[i] = (byte) (values[i] / 20 * 127);
        }
        t.setBuffer(model.addBuffer(new Buffer(q)));
        t.setQuantization(QuantizationParameters.perTensor(20f / 127, 0));
      } else if (constantWeights) {
        t.setBuffer(model.addBuffer(new Buffer(floatBytes(values))));
      }
      return graph.addTensor(t);
    }

    private int bias(String name, float... values) {
      Tensor t = new Tensor(name, TensorType.FLOAT32, new int[] {values.length});
      t.setBuffer(model.addBuffer(new Buffer(floatBytes(values))));
      return graph.addTensor(t);
    }

    private int state(String name) {
      Tensor t = new Tensor(name, stateType, new int[] {2, 2});
      t.setVariable(true);
      if (stateType == TensorType.INT8) {
        t.setQuantization(QuantizationParameters.perTensor(1f / 128, 0));
      }
      return graph.addTensor(t);
    }

    Model build() {
      int x = graph.addTensor(new Tensor("input", TensorType.FLOAT32, new int[] {2, steps, 2}));
      inputs[0] = x;
      float[][] gates = {INPUT_GATE, FORGET_GATE, ONES, ONES};
      String[] names = {"input", "forget", "cell", "output"};
      for (int g = 0; g < 4; g++) {
        inputs[1 + g] = weights(names[g] + "/wx", gates[g], 2, 2);
        inputs[5 + g] = weights(names[g] + "/wh", gates[g], 2, 2);
      }
      inputs[12] = bias("input/bias", -1, -2);
      inputs[13] = bias("forget/bias", 1, 2);
      inputs[14] = bias("cell/bias", 0, 0);
      inputs[15] = bias("output/bias", 0, 0);
      inputs[18] = state("hidden");
      inputs[19] = state("cell");
      int y = graph.addTensor(new Tensor("output", TensorType.FLOAT32, new int[] {2, steps, 2}));
      int code =
          model.addOperatorCode(new OperatorCode(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 1));
      graph
          .operators()
          .add(
              new Operator(
                  code,
                  inputs,
                  new int[] {y},
                  new UnidirectionalSequenceLSTMOptions(
                      cellGate, cellClip, 0f, false, false, false)));
      graph.setInputs(new int[] {x});
      graph.setOutputs(new int[] {y});
      return model;
    }
  }

  private static byte[] floatBytes(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  private static float[] run(Interpreter it, float[] input) {
    it.input(0).setFloat(input);
    it.invoke();
    return it.output(0).floats();
  }

  private static void assertClose(float[] actual, double[] expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-6));
    }
  }

  @Test
  void aFloatModelRunsTflmsSequence() {
    Interpreter it = PreparedModel.prepare(new LstmModel().build()).newInterpreter();
    assertClose(run(it, SEQUENCE), EXPECTED);
  }

  @Test
  void theStateCarriesOverToTheNextInvoke() {
    LstmModel six = new LstmModel();
    six.steps = 6;
    float[] twice = new float[24];
    for (int b = 0; b < 2; b++) {
      System.arraycopy(SEQUENCE, b * 6, twice, b * 12, 6);
      System.arraycopy(SEQUENCE, b * 6, twice, b * 12 + 6, 6);
    }
    float[] longRun = run(PreparedModel.prepare(six.build()).newInterpreter(), twice);
    Interpreter it = PreparedModel.prepare(new LstmModel().build()).newInterpreter();
    run(it, SEQUENCE);
    float[] second = run(it, SEQUENCE);
    for (int b = 0; b < 2; b++) {
      assertThat(Arrays.copyOfRange(second, b * 6, b * 6 + 6))
          .containsExactly(Arrays.copyOfRange(longRun, b * 12 + 6, b * 12 + 12));
    }
  }

  @Test
  void resettingTheStateRepeatsTheFirstOutput() {
    Interpreter it = PreparedModel.prepare(new LstmModel().build()).newInterpreter();
    float[] first = run(it, SEQUENCE);
    it.resetState();
    assertThat(run(it, SEQUENCE)).containsExactly(first);
  }

  @Test
  void hybridWeightsAreRefused() {
    LstmModel m = new LstmModel();
    m.weightType = TensorType.INT8;
    assertThatThrownBy(() -> PreparedModel.prepare(m.build()))
        .isInstanceOf(InterpreterException.class)
        .hasMessageContaining("UNIDIRECTIONAL_SEQUENCE_LSTM")
        .hasMessageContaining("hybrid LSTMs with int8 weights are not supported");
  }

  @Test
  void int8StatesUnderAFloatInputAreRefused() {
    LstmModel m = new LstmModel();
    m.stateType = TensorType.INT8;
    assertThatThrownBy(() -> PreparedModel.prepare(m.build()))
        .hasMessageContaining("a float32 input needs float32 states and output");
  }

  @Test
  void nonConstantWeightsAreRefused() {
    LstmModel m = new LstmModel();
    m.constantWeights = false;
    assertThatThrownBy(() -> PreparedModel.prepare(m.build()))
        .hasMessageContaining("input weights (input 2")
        .hasMessageContaining("must be a constant");
  }

  @Test
  void aPeepholeIsRefused() {
    LstmModel m = new LstmModel();
    Model model = m.build();
    int peephole = m.graph.addTensor(new Tensor("peephole", TensorType.FLOAT32, new int[] {2}));
    model.primarySubgraph().operators().get(0).inputs()[9] = peephole;
    assertThatThrownBy(() -> PreparedModel.prepare(model))
        .hasMessageContaining("input 9 (peephole, projection or layer norm) is set");
  }

  @Test
  void aCellGateOtherThanTanhIsRefused() {
    LstmModel m = new LstmModel();
    m.cellGate = ActivationFunctionType.RELU;
    assertThatThrownBy(() -> PreparedModel.prepare(m.build()))
        .hasMessageContaining("cell gate activation RELU is not supported (TANH only)");
  }

  @Test
  void aNegativeCellClipIsRefused() {
    LstmModel m = new LstmModel();
    m.cellClip = -1f;
    assertThatThrownBy(() -> PreparedModel.prepare(m.build()))
        .hasMessageContaining("cell clip must be finite and not negative, got -1.0");
  }

  @Test
  void theFloatPlanAsksForFourGateBuffersOfScratch() {
    PreparedModel p = PreparedModel.prepare(new LstmModel().build());
    assertThat(p.plans().get(0).plan().scratchFloats()).isEqualTo(8);
  }
}
