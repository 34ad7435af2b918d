package dev.tinyml.codegen.c;

import static dev.tinyml.codegen.c.SequenceLstm.BATCHES;
import static dev.tinyml.codegen.c.SequenceLstm.CELL_STATE;
import static dev.tinyml.codegen.c.SequenceLstm.GATE_BIASES;
import static dev.tinyml.codegen.c.SequenceLstm.HIDDEN_STATE;
import static dev.tinyml.codegen.c.SequenceLstm.IN;
import static dev.tinyml.codegen.c.SequenceLstm.INPUT;
import static dev.tinyml.codegen.c.SequenceLstm.INPUT_WEIGHTS;
import static dev.tinyml.codegen.c.SequenceLstm.RECURRENT_WEIGHTS;
import static dev.tinyml.codegen.c.SequenceLstm.UNITS;
import static dev.tinyml.codegen.c.SequenceLstm.absentOperands;
import static dev.tinyml.codegen.c.SequenceLstm.inputShape;
import static dev.tinyml.codegen.c.SequenceLstm.outputShape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The float32 UNIDIRECTIONAL_SEQUENCE_LSTM of two batches and three steps, time-major and
 * batch-major, with and without a cell clip: compiled on the host and equal to the interpreter bit
 * for bit over three invokes that carry the hidden and cell state.
 */
class CBackendLstmFloatTest {
  @TempDir Path dir;

  /** An LSTM of seeded weights and biases in [-1, 1). */
  static Model lstm(boolean timeMajor, float cellClip) {
    SingleOpModels b = new SingleOpModels();
    int[] inputs = absentOperands();
    inputs[IN] = b.tensor("in", TensorType.FLOAT32, 0f, 0, inputShape(timeMajor));
    for (int g = 0; g < 4; g++) {
      inputs[INPUT_WEIGHTS + g] =
          b.seededConstant("w_in" + g, TensorType.FLOAT32, null, 31L + g, UNITS, INPUT);
      inputs[RECURRENT_WEIGHTS + g] =
          b.seededConstant("w_rec" + g, TensorType.FLOAT32, null, 41L + g, UNITS, UNITS);
      inputs[GATE_BIASES + g] =
          b.seededConstant("bias" + g, TensorType.FLOAT32, null, 51L + g, UNITS);
    }
    inputs[HIDDEN_STATE] = b.variable("hidden", TensorType.FLOAT32, 0f, 0, BATCHES, UNITS);
    inputs[CELL_STATE] = b.variable("cell", TensorType.FLOAT32, 0f, 0, BATCHES, UNITS);
    int out = b.tensor("out", TensorType.FLOAT32, 0f, 0, outputShape(timeMajor));
    return SequenceLstm.op(b, timeMajor, cellClip, inputs, out);
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
