package dev.tinyml.ops;

import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Tensor;

/**
 * Whether an op's output may be placed over the input it consumes (input 0), as its TFLM reference
 * kernel reads and writes them; the memory planner turns the rule into a byte distance.
 */
public sealed interface InPlaceRule {

  /** The output must not overlap the input. */
  InPlaceRule NONE = new None();

  /**
   * The output may alias the input exactly but not half-overlap it (RESHAPE: the kernel skips the
   * copy when the pointers are equal; otherwise it is a {@code memcpy}).
   */
  InPlaceRule ALIAS = new Alias();

  /**
   * Element {@code i} is computed from input element {@code i} only, in increasing order: with
   * equal input and output types the output may start at or below the input.
   */
  InPlaceRule ELEMENTWISE = new Elementwise();

  /**
   * {@link #ELEMENTWISE} when the node's input 0 and output 0 have one type, else {@link #NONE}:
   * the rule of kernels that compute element {@code i} from input element {@code i} only, in order.
   */
  static InPlaceRule elementwiseIfSameType(OpNode node) {
    Tensor in = node.input(0);
    Tensor out = node.output(0);
    return in != null && out != null && in.type() == out.type() ? ELEMENTWISE : NONE;
  }

  /** No overlap. */
  record None() implements InPlaceRule {}

  /** Exact aliasing only. */
  record Alias() implements InPlaceRule {}

  /** Element by element, in order. */
  record Elementwise() implements InPlaceRule {}

  /**
   * An NHWC windowed op writing output rows in order and, while writing row {@code y}, reading
   * input rows from {@code y * strideH - padTop} on.
   *
   * @param strideH vertical stride
   * @param filterH filter height (-1 when unknown: no overlap)
   * @param dilationH vertical dilation
   * @param padding SAME or VALID
   */
  record Rows(int strideH, int filterH, int dilationH, Padding padding) implements InPlaceRule {}
}
