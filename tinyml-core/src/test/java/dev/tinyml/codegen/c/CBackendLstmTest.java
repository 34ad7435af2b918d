package dev.tinyml.codegen.c;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.UnidirectionalSequenceLSTMOptions;
import java.nio.file.Path;
import java.util.Arrays;
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

  private static final int BATCHES = 2;
  private static final int STEPS = 3;
  private static final int INPUT = 5;
  private static final int UNITS = 4;

  /**
   * An LSTM of seeded symmetric weights and small biases.
   *
   * @param cellScale the cell state's scale (2^-11 gives the power-of-two tanh scaling, 2^-16 the
   *     multiplier 3 with a right shift)
   */
  private static Model lstm(boolean timeMajor, float cellScale, float cellClip) {
    SingleOpModels b = new SingleOpModels();
    int[] inShape =
        timeMajor ? new int[] {STEPS, BATCHES, INPUT} : new int[] {BATCHES, STEPS, INPUT};
    int[] outShape =
        timeMajor ? new int[] {STEPS, BATCHES, UNITS} : new int[] {BATCHES, STEPS, UNITS};
    int[] inputs = new int[24];
    Arrays.fill(inputs, -1);
    inputs[0] = b.tensor("in", TensorType.INT8, 0.05f, 3, inShape);
    for (int g = 0; g < 4; g++) {
      float scale = 0.004f + 0.002f * g;
      inputs[1 + g] =
          b.seededConstant(
              "w_in" + g,
              TensorType.INT8,
              QuantizationParameters.perTensor(scale, 0),
              31L + g,
              UNITS,
              INPUT);
      inputs[5 + g] =
          b.seededConstant(
              "w_rec" + g,
              TensorType.INT8,
              QuantizationParameters.perTensor(scale * 1.5f, 0),
              41L + g,
              UNITS,
              UNITS);
      inputs[12 + g] = b.int32(new int[] {UNITS}, 300 * g - 400, 120, -75, 900 - 200 * g);
    }
    inputs[18] = b.variable("hidden", TensorType.INT8, 1f / 128, -2, BATCHES, UNITS);
    inputs[19] = b.variable("cell", TensorType.INT16, cellScale, 0, BATCHES, UNITS);
    int out = b.tensor("out", TensorType.INT8, 1f / 128, -2, outShape);
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
    SingleOpModels.assertHostEqualsInterpreter(dir, lstm(true, 1f / 2048, 0.5f));
  }

  @Test
  void batchMajorLstmWithAFineCellScaleEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, lstm(false, 1f / 65536, 0f));
  }
}
