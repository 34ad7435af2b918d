package dev.tinyml.ops.kernels;

/**
 * The sizes of a recurrent sequence op (UNIDIRECTIONAL_SEQUENCE_LSTM), shared by the int8 and the
 * float32 kernels and the C parameter structs, which all start with them.
 *
 * @param timeMajor input is {@code [time, batch, features]}, else {@code [batch, time, features]}
 * @param batches batch size
 * @param timeSteps sequence length
 * @param inputSize input features
 * @param units state size
 */
public record SequenceShape(
    boolean timeMajor, int batches, int timeSteps, int inputSize, int units) {

  /**
   * The sizes of a rank-3 input in the given order, with the state size.
   *
   * @param timeMajor whether {@code inputShape} is {@code [time, batch, features]}
   * @param inputShape the input's shape, rank 3
   * @param units state size
   * @return the shape
   */
  public static SequenceShape of(boolean timeMajor, int[] inputShape, int units) {
    return new SequenceShape(
        timeMajor,
        timeMajor ? inputShape[1] : inputShape[0],
        timeMajor ? inputShape[0] : inputShape[1],
        inputShape[2],
        units);
  }

  /**
   * Batch rows one step computes: all batches when time-major (every batch advances together), else
   * 1 (each batch runs its whole sequence in turn).
   */
  public int stepRows() {
    return timeMajor ? batches : 1;
  }

  /** Elements of each state (hidden and cell): {@code batches * units}. */
  public int stateSize() {
    return batches * units;
  }

  /** Elements of the output, every step's hidden state: {@code batches * timeSteps * units}. */
  public int outputSize() {
    return batches * timeSteps * units;
  }
}
