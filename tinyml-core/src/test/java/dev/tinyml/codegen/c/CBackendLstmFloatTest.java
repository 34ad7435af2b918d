package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.UnidirectionalSequenceLSTMOptions;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The float32 UNIDIRECTIONAL_SEQUENCE_LSTM of two batches and three steps, time-major and
 * batch-major, with and without a cell clip: compiled on the host and equal to the interpreter bit
 * for bit over three invokes that carry the hidden and cell state.
 */
class CBackendLstmFloatTest {
  @TempDir Path dir;

  private static final int BATCHES = 2;
  private static final int STEPS = 3;
  private static final int INPUT = 5;
  private static final int UNITS = 4;

  /** An LSTM of seeded weights and biases in [-1, 1). */
  static Model lstm(boolean timeMajor, float cellClip) {
    SingleOpModels b = new SingleOpModels();
    int[] inShape =
        timeMajor ? new int[] {STEPS, BATCHES, INPUT} : new int[] {BATCHES, STEPS, INPUT};
    int[] outShape =
        timeMajor ? new int[] {STEPS, BATCHES, UNITS} : new int[] {BATCHES, STEPS, UNITS};
    int[] inputs = new int[24];
    Arrays.fill(inputs, -1);
    inputs[0] = b.tensor("in", TensorType.FLOAT32, 0f, 0, inShape);
    for (int g = 0; g < 4; g++) {
      inputs[1 + g] = b.seededConstant("w_in" + g, TensorType.FLOAT32, null, 31L + g, UNITS, INPUT);
      inputs[5 + g] =
          b.seededConstant("w_rec" + g, TensorType.FLOAT32, null, 41L + g, UNITS, UNITS);
      inputs[12 + g] = b.seededConstant("bias" + g, TensorType.FLOAT32, null, 51L + g, UNITS);
    }
    inputs[18] = b.variable("hidden", TensorType.FLOAT32, 0f, 0, BATCHES, UNITS);
    inputs[19] = b.variable("cell", TensorType.FLOAT32, 0f, 0, BATCHES, UNITS);
    int out = b.tensor("out", TensorType.FLOAT32, 0f, 0, outShape);
    return b.op(
        BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM,
        new UnidirectionalSequenceLSTMOptions(
            ActivationFunctionType.TANH, cellClip, 0f, timeMajor, false, false),
        new int[] {inputs[0]},
        inputs,
        out);
  }

  @Test
  void timeMajorLstmWithCellClipEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, lstm(true, 0.5f));
  }

  @Test
  void batchMajorLstmWithCellClipEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, lstm(false, 0.5f));
  }

  @Test
  void batchMajorLstmWithoutCellClipEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, lstm(false, 0f));
  }

  @Test
  void floatLstmUsesTheFloatKernelsAndNeedsLibm() throws Exception {
    CModule module = CBackend.render(lstm(true, 0.5f), "op");
    assertThat(module.kernels())
        .contains("logistic_f32.c", "tanh_f32.c", "lstm_f32.c")
        .doesNotContain("lstm_s8.c");
    assertThat(module.needsLibm()).isTrue();
  }
}
