package dev.tinyml.ops.kernels;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM in float32, as TFLM's {@code EvalLstm<float, float, float, float>}:
 * per time step each gate is a fully connected layer over the input (with the gate bias) plus one
 * over the hidden state (without bias), then sigmoid (tanh for the cell gate); the cell becomes
 * {@code forget * cell + input * cellGate}, clipped to ±{@code cellClip} when positive, and the
 * hidden state {@code tanh(cell) * output}, which is also the step's output. Batch-major input runs
 * each batch through all steps in turn, time-major input all batches at once per step, as TFLM
 * does. No peephole, projection, layer norm or CIFG (TFLM has none).
 */
public final class LstmFloat {

  private LstmFloat() {}

  /** Float32's lowest value: with {@link Float#MAX_VALUE}, the clamp of TFLM's float layers. */
  private static final float LOWEST = -Float.MAX_VALUE;

  /**
   * Sizes, options and the constant weights.
   *
   * @param shape the sequence's sizes
   * @param cellClip the cell state's bound, 0 for none
   * @param inputWeights per gate ({@link Lstm#FORGET}, {@link Lstm#INPUT}, {@link Lstm#CELL},
   *     {@link Lstm#OUTPUT}) the {@code [units, inputSize]} weights
   * @param recurrentWeights per gate the {@code [units, units]} weights
   * @param bias per gate the {@code units} biases
   */
  public record Plan(
      SequenceShape shape,
      float cellClip,
      float[][] inputWeights,
      float[][] recurrentWeights,
      float[][] bias) {

    /** Four gate buffers of the rows one step computes. */
    public int scratchSize() {
      return 4 * shape.stepRows() * shape.units();
    }
  }

  /**
   * Runs the whole sequence, updating the states and writing every step's hidden state.
   *
   * @param p the plan
   * @param input the input sequence
   * @param hidden hidden state, {@code batches * units}, read and updated
   * @param cell cell state, {@code batches * units}, read and updated
   * @param output {@code batches * timeSteps * units}, in the input's order
   * @param scratch at least {@link Plan#scratchSize()} floats
   */
  public static void eval(
      Plan p, float[] input, float[] hidden, float[] cell, float[] output, float[] scratch) {
    SequenceShape s = p.shape();
    if (s.timeMajor()) {
      int rows = s.batches();
      for (int t = 0; t < s.timeSteps(); t++) {
        step(p, input, t * rows * s.inputSize(), rows, 0, hidden, cell, scratch);
        System.arraycopy(hidden, 0, output, t * rows * s.units(), rows * s.units());
      }
    } else {
      for (int b = 0; b < s.batches(); b++) {
        int state = b * s.units();
        for (int t = 0; t < s.timeSteps(); t++) {
          int row = b * s.timeSteps() + t;
          step(p, input, row * s.inputSize(), 1, state, hidden, cell, scratch);
          System.arraycopy(hidden, state, output, row * s.units(), s.units());
        }
      }
    }
  }

  /**
   * One time step over {@code rows} batch rows whose input starts at {@code inOff} and whose states
   * start at {@code stateOff}.
   */
  private static void step(
      Plan p,
      float[] input,
      int inOff,
      int rows,
      int stateOff,
      float[] hidden,
      float[] cell,
      float[] scratch) {
    int size = rows * p.shape().units();
    // TFLM's buffers 0 to 3: forget gate (later tanh(cell)), input gate (later input * cell gate,
    // then the output gate), cell gate, and the recurrent layer's output.
    int forget = 0;
    int in = size;
    int cellGate = 2 * size;
    int recurrent = 3 * size;
    gate(p, Lstm.FORGET, input, inOff, rows, hidden, stateOff, scratch, forget, recurrent);
    Logistic.logisticFloat(scratch, forget, scratch, forget, size);
    gate(p, Lstm.INPUT, input, inOff, rows, hidden, stateOff, scratch, in, recurrent);
    Logistic.logisticFloat(scratch, in, scratch, in, size);
    gate(p, Lstm.CELL, input, inOff, rows, hidden, stateOff, scratch, cellGate, recurrent);
    Logistic.tanhFloat(scratch, cellGate, scratch, cellGate, size);
    for (int k = 0; k < size; k++) {
      cell[stateOff + k] = product(scratch[forget + k], cell[stateOff + k]);
    }
    for (int k = 0; k < size; k++) {
      scratch[in + k] = product(scratch[in + k], scratch[cellGate + k]);
    }
    for (int k = 0; k < size; k++) {
      cell[stateOff + k] = cell[stateOff + k] + scratch[in + k];
    }
    if (p.cellClip() > 0) {
      float clip = p.cellClip();
      for (int k = 0; k < size; k++) {
        // std::max(std::min(clip, v), -clip), with C++'s comparisons.
        float v = cell[stateOff + k];
        float upper = v < clip ? v : clip;
        cell[stateOff + k] = upper < -clip ? -clip : upper;
      }
    }
    gate(p, Lstm.OUTPUT, input, inOff, rows, hidden, stateOff, scratch, in, recurrent);
    Logistic.logisticFloat(scratch, in, scratch, in, size);
    Logistic.tanhFloat(cell, stateOff, scratch, forget, size);
    for (int k = 0; k < size; k++) {
      hidden[stateOff + k] = product(scratch[forget + k], scratch[in + k]);
    }
  }

  /**
   * Gate {@code g}'s pre-activation into {@code scratch[out]}: the input layer (with bias) plus the
   * recurrent layer (no bias, computed into {@code scratch[recurrentOut]}), added after both, as
   * TFLM's {@code CalculateLstmGate}.
   */
  private static void gate(
      Plan p,
      int g,
      float[] input,
      int inOff,
      int rows,
      float[] hidden,
      int stateOff,
      float[] scratch,
      int out,
      int recurrentOut) {
    int units = p.shape().units();
    int depth = p.shape().inputSize();
    float[] wx = p.inputWeights()[g];
    float[] wh = p.recurrentWeights()[g];
    float[] b = p.bias()[g];
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < units; o++) {
        float total = 0f;
        for (int d = 0; d < depth; d++) {
          total += input[inOff + r * depth + d] * wx[o * depth + d];
        }
        scratch[out + r * units + o] = Activation.clamp(total + b[o], LOWEST, Float.MAX_VALUE);
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < units; o++) {
        float total = 0f;
        for (int d = 0; d < units; d++) {
          total += hidden[stateOff + r * units + d] * wh[o * units + d];
        }
        // The recurrent layer has no bias: TFLM adds 0.
        scratch[recurrentOut + r * units + o] =
            Activation.clamp(total + 0f, LOWEST, Float.MAX_VALUE);
      }
    }
    for (int k = 0; k < rows * units; k++) {
      scratch[out + k] = scratch[out + k] + scratch[recurrentOut + k];
    }
  }

  /** A float MUL with no fused activation: the product clamped to float32's finite range. */
  private static float product(float a, float b) {
    return Activation.clamp(a * b, LOWEST, Float.MAX_VALUE);
  }
}
