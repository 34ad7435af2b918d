package dev.tinyml.plan;

/**
 * Permission for an operator's output to share memory with one of its inputs.
 *
 * <p>TFLite Micro keeps an operator's inputs and outputs apart because both are live while the
 * operator runs. Kernels that walk their output in order, and never read an input byte again once
 * the output has moved past it, can write over the input they have already consumed. The output may
 * then start below the input, as long as the input starts at least {@code minDistance} bytes above
 * the output's start: {@code offset(input) - offset(output) >= minDistance}.
 *
 * @param input the position of the input tensor in the plan's buffer list
 * @param output the position of the output tensor in the plan's buffer list
 * @param minDistance the least distance from the output's start up to the input's start, in bytes
 * @param exact whether the distance must be exactly {@code minDistance}
 * @param reason why the overlap is safe, naming the operator
 */
public record InPlaceOverlap(int input, int output, int minDistance, boolean exact, String reason) {
  /** Validates the fields. */
  public InPlaceOverlap {
    if (input == output || input < 0 || output < 0) {
      throw new IllegalArgumentException(
          "InPlaceOverlap needs two different buffers, got " + input + " and " + output);
    }
    if (minDistance < 0 || minDistance % ArenaBuffer.ALIGNMENT != 0) {
      throw new IllegalArgumentException(
          "InPlaceOverlap distance must be a non-negative multiple of "
              + ArenaBuffer.ALIGNMENT
              + ", got "
              + minDistance);
    }
  }
}
