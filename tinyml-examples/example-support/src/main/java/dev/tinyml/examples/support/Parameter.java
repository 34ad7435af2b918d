package dev.tinyml.examples.support;

import java.util.Arrays;

/**
 * One trainable tensor of a network.
 *
 * @param name unique name, also the variable's name in the exported SavedModel
 * @param shape TensorFlow shape (kernels {@code [h, w, in, out]}, dense {@code [in, out]}, bias
 *     {@code [out]})
 * @param fanIn inputs per output unit, for initialisation
 * @param fanOut outputs per input unit, for initialisation
 * @param bias whether this is a bias (initialised to zero)
 * @param rectified whether the layer ends in a rectifier (He rather than Glorot initialisation)
 */
public record Parameter(
    String name, long[] shape, int fanIn, int fanOut, boolean bias, boolean rectified) {

  /** Number of scalars in the tensor. */
  public int size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter p
        && name.equals(p.name)
        && Arrays.equals(shape, p.shape)
        && fanIn == p.fanIn
        && fanOut == p.fanOut
        && bias == p.bias
        && rectified == p.rectified;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
