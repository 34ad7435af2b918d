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

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The int8 UNIDIRECTIONAL_SEQUENCE_LSTM on what dtln (one batch, one step) leaves out: several
 * batches and time steps, time-major and batch-major input, a cell clip, and both scalings of the
 * cell's tanh; compiled on the host and equal to the interpreter over three invokes that carry the
 * state.
 */
class CBackendLstmTest {
  @TempDir Path dir;

  /**
   * An LSTM of seeded symmetric weights and small biases.
   *
   * @param cellScale the cell state's scale (2^-11 gives the power-of-two tanh scaling, 2^-16 the
   *     multiplier 3 with a right shift)
   */
  private static Model lstm(boolean timeMajor, float cellScale, float cellClip) {
    SingleOpModels b = new SingleOpModels();
    int[] inputs = absentOperands();
    inputs[IN] = b.tensor("in", TensorType.INT8, 0.05f, 3, inputShape(timeMajor));
    for (int g = 0; g < 4; g++) {
      float scale = 0.004f + 0.002f * g;
      inputs[INPUT_WEIGHTS + g] =
          b.seededConstant(
              "w_in" + g,
              TensorType.INT8,
              QuantizationParameters.perTensor(scale, 0),
              31L + g,
              UNITS,
              INPUT);
      inputs[RECURRENT_WEIGHTS + g] =
          b.seededConstant(
              "w_rec" + g,
              TensorType.INT8,
              QuantizationParameters.perTensor(scale * 1.5f, 0),
              41L + g,
              UNITS,
              UNITS);
      inputs[GATE_BIASES + g] = b.int32(new int[] {UNITS}, 300 * g - 400, 120, -75, 900 - 200 * g);
    }
    inputs[HIDDEN_STATE] = b.variable("hidden", TensorType.INT8, 1f / 128, -2, BATCHES, UNITS);
    inputs[CELL_STATE] = b.variable("cell", TensorType.INT16, cellScale, 0, BATCHES, UNITS);
    int out = b.tensor("out", TensorType.INT8, 1f / 128, -2, outputShape(timeMajor));
    return SequenceLstm.op(b, timeMajor, cellClip, inputs, out);
  }

  @Test
  void timeMajorLstmWithCellClipEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, lstm(true, 1f / 2048, 0.5f));
  }

  @Test
  void batchMajorLstmWithAFineCellScaleEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, lstm(false, 1f / 65536, 0f));
  }
}
