package dev.tinyml.examples.support;

/** TensorFlow's two padding schemes. */
public enum Padding {
  /** Output size {@code ceil(in / stride)}: the input is padded as needed. */
  SAME,
  /** Output size {@code floor((in - kernel) / stride) + 1}: no padding. */
  VALID;

  int outputSize(int in, int kernel, int stride) {
    return this == SAME ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
  }
}
