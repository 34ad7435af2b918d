package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The float LSTM kernel against the figures of TFLM's {@code lstm_test_data.cc} (2 batches, 2
 * inputs, 2 units, cell clip 6, batch-major) and hand-computed cases.
 */
class LstmFloatTest {

  /** TFLM's tolerance for the float LSTM. */
  private static final double TOLERANCE = 1e-6;

  /** TFLM's 2x2 gates, in this kernel's order (forget, input, cell, output), weights row-major. */
  private static final float[][] TFLM_INPUT_WEIGHTS = {
    {-10, -10, -20, -20}, {10, 10, 20, 20}, {1, 1, 1, 1}, {1, 1, 1, 1}
  };

  private static final float[][] TFLM_BIAS = {{1, 2}, {-1, -2}, {0, 0}, {0, 0}};

  private static LstmFloat.Plan tflmPlan(int steps, boolean timeMajor) {
    // TFLM's test uses the same values for input and recurrent weights.
    return new LstmFloat.Plan(
        new SequenceShape(timeMajor, 2, steps, 2, 2),
        6f,
        TFLM_INPUT_WEIGHTS,
        TFLM_INPUT_WEIGHTS,
        TFLM_BIAS);
  }

  private static void assertClose(float[] actual, double... expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
    }
  }

  /** One step from TFLM's gate check data: given hidden and cell states, cell 2 clipped to -6. */
  private static float[][] oneTflmStep() {
    float[] input = {0.2f, 0.3f, -0.98f, 0.62f};
    float[] hidden = {-0.1f, 0.2f, -0.3f, 0.5f};
    float[] cell = {-1.3f, 6.2f, -7.3f, 3.5f};
    float[] output = new float[4];
    LstmFloat.Plan p = tflmPlan(1, false);
    LstmFloat.eval(p, input, hidden, cell, output, new float[p.scratchSize()]);
    return new float[][] {hidden, cell, output};
  }

  @Test
  void oneStepUpdatesTheCellStateAsTflmsGateCheckData() {
    assertClose(oneTflmStep()[1], 0.52475447, 0.53730665, -6, 3.47992756);
  }

  @Test
  void oneStepUpdatesTheHiddenStateAsTflmsGateCheckData() {
    assertClose(oneTflmStep()[0], 0.31079388, 0.3169827, -0.46007947, 0.45921249);
  }

  @Test
  void theOutputOfAStepIsItsHiddenState() {
    float[][] r = oneTflmStep();
    assertThat(r[2]).containsExactly(r[0]);
  }

  /** TFLM's 3-step sequence from zero states. */
  private static final float[] TFLM_SEQUENCE = {
    0.2f, 0.3f, 0.2f, 0.3f, 0.2f, 0.3f, -0.98f, 0.62f, 0.01f, 0.99f, 0.49f, -0.32f
  };

  private static final double[] TFLM_OUTPUT = {
    0.26455893, 0.26870455, 0.47935803, 0.47937014, 0.58013272, 0.58013278,
    -1.41184672e-3, -1.43329117e-5, 0.46887168, 0.46891281, 0.50054074, 0.50054148
  };

  @Test
  void threeStepsFromZeroStatesGiveTflmsOutput() {
    float[] hidden = new float[4];
    float[] cell = new float[4];
    float[] output = new float[12];
    LstmFloat.Plan p = tflmPlan(3, false);
    LstmFloat.eval(p, TFLM_SEQUENCE, hidden, cell, output, new float[p.scratchSize()]);
    assertClose(output, TFLM_OUTPUT);
  }

  @Test
  void threeStepsFromZeroStatesLeaveTflmsCellState() {
    float[] hidden = new float[4];
    float[] cell = new float[4];
    LstmFloat.Plan p = tflmPlan(3, false);
    LstmFloat.eval(p, TFLM_SEQUENCE, hidden, cell, new float[12], new float[p.scratchSize()]);
    assertClose(cell, 0.89740515, 0.8974053, 0.80327607, 0.80327785);
  }

  @Test
  void timeMajorInputGivesTheSameSequencesInTimeMajorOrder() {
    // [batch, time, feature] -> [time, batch, feature]
    float[] timeMajor = new float[12];
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 3; t++) {
        System.arraycopy(TFLM_SEQUENCE, (b * 3 + t) * 2, timeMajor, (t * 2 + b) * 2, 2);
      }
    }
    float[] output = new float[12];
    LstmFloat.Plan p = tflmPlan(3, true);
    LstmFloat.eval(p, timeMajor, new float[4], new float[4], output, new float[p.scratchSize()]);
    double[] expected = new double[12];
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 3; t++) {
        System.arraycopy(TFLM_OUTPUT, (b * 3 + t) * 2, expected, (t * 2 + b) * 2, 2);
      }
    }
    assertClose(output, expected);
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void aSingleUnitStepMatchesTheLstmEquations() {
    // Every weight 0.5, no bias, x = 1, zero states: every pre-activation is 0.5.
    float[][] w = {{0.5f}, {0.5f}, {0.5f}, {0.5f}};
    float[][] b = {{0}, {0}, {0}, {0}};
    LstmFloat.Plan p = new LstmFloat.Plan(new SequenceShape(false, 1, 1, 1, 1), 0f, w, w, b);
    float[] hidden = new float[1];
    float[] cell = new float[1];
    LstmFloat.eval(p, new float[] {1f}, hidden, cell, new float[1], new float[p.scratchSize()]);
    double c = sigmoid(0.5) * Math.tanh(0.5);
    assertClose(cell, c);
    assertClose(hidden, sigmoid(0.5) * Math.tanh(c));
  }

  @Test
  void theRecurrentWeightsReadThePreviousHiddenState() {
    // Input weights 0, recurrent weights 1: the gates see only h = 0.5.
    float[][] zero = {{0}, {0}, {0}, {0}};
    float[][] one = {{1}, {1}, {1}, {1}};
    LstmFloat.Plan p =
        new LstmFloat.Plan(new SequenceShape(false, 1, 1, 1, 1), 0f, zero, one, zero);
    float[] hidden = {0.5f};
    float[] cell = {0.25f};
    LstmFloat.eval(p, new float[] {3f}, hidden, cell, new float[1], new float[p.scratchSize()]);
    double c = sigmoid(0.5) * 0.25 + sigmoid(0.5) * Math.tanh(0.5);
    assertClose(cell, c);
    assertClose(hidden, sigmoid(0.5) * Math.tanh(c));
  }

  @Test
  void theCellStateIsClippedToTheCellClip() {
    // Forget, input and cell gates saturate: the cell would grow by about 1 per step.
    float[][] w = {{10}, {10}, {10}, {10}};
    float[][] zero = {{0}, {0}, {0}, {0}};
    LstmFloat.Plan p =
        new LstmFloat.Plan(new SequenceShape(false, 1, 3, 1, 1), 1.5f, w, zero, zero);
    float[] cell = new float[1];
    float[] output = new float[3];
    LstmFloat.eval(
        p, new float[] {1f, 1f, 1f}, new float[1], cell, output, new float[p.scratchSize()]);
    assertThat(cell).containsExactly(1.5f);
    assertClose(new float[] {output[2]}, sigmoid(10) * Math.tanh(1.5));
  }

  @Test
  void aZeroCellClipLeavesTheCellUnbounded() {
    float[][] w = {{10}, {10}, {10}, {10}};
    float[][] zero = {{0}, {0}, {0}, {0}};
    LstmFloat.Plan p = new LstmFloat.Plan(new SequenceShape(false, 1, 3, 1, 1), 0f, w, zero, zero);
    float[] cell = new float[1];
    LstmFloat.eval(
        p, new float[] {1f, 1f, 1f}, new float[1], cell, new float[3], new float[p.scratchSize()]);
    assertThat(cell[0]).isGreaterThan(2.9f);
  }

  @Test
  void scratchHoldsFourGateBuffersOfOneStepsRows() {
    assertThat(tflmPlan(3, false).scratchSize()).isEqualTo(4 * 1 * 2);
    assertThat(tflmPlan(3, true).scratchSize()).isEqualTo(4 * 2 * 2);
  }
}
