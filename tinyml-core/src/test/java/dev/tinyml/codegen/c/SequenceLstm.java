package dev.tinyml.codegen.c;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.UnidirectionalSequenceLSTMOptions;
import java.util.Arrays;

/**
 * The UNIDIRECTIONAL_SEQUENCE_LSTM layout the C backend's LSTM tests build on: two batches, three
 * time steps, five inputs and four units, with TFLite's operand slots.
 */
final class SequenceLstm {
  private SequenceLstm() {}

  static final int BATCHES = 2;
  static final int STEPS = 3;
  static final int INPUT = 5;
  static final int UNITS = 4;

  /** The input sequence. */
  static final int IN = 0;

  /** The first gate's input weights (input, forget, cell, output gate). */
  static final int INPUT_WEIGHTS = 1;

  /** The first gate's recurrent weights. */
  static final int RECURRENT_WEIGHTS = 5;

  /** The first gate's bias. */
  static final int GATE_BIASES = 12;

  /** The hidden (output) state's variable. */
  static final int HIDDEN_STATE = 18;

  /** The cell state's variable. */
  static final int CELL_STATE = 19;

  /** The 24 operand slots, all absent (-1): peepholes, projection and layer norm are left out. */
  static int[] absentOperands() {
    int[] inputs = new int[24];
    Arrays.fill(inputs, -1);
    return inputs;
  }

  /** The input's shape: [steps, batches, input] time-major, else [batches, steps, input]. */
  static int[] inputShape(boolean timeMajor) {
    return timeMajor ? new int[] {STEPS, BATCHES, INPUT} : new int[] {BATCHES, STEPS, INPUT};
  }

  /** The output's shape: as the input's, with units for inputs. */
  static int[] outputShape(boolean timeMajor) {
    return timeMajor ? new int[] {STEPS, BATCHES, UNITS} : new int[] {BATCHES, STEPS, UNITS};
  }

  /** The model of {@code b}'s tensors and the LSTM (tanh, {@code cellClip}) over them. */
  static Model op(SingleOpModels b, boolean timeMajor, float cellClip, int[] inputs, int out) {
    return b.op(
        BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM,
        new UnidirectionalSequenceLSTMOptions(
            ActivationFunctionType.TANH, cellClip, 0f, timeMajor, false, false),
        new int[] {inputs[IN]},
        inputs,
        out);
  }
}
