package dev.tinyml.codegen;

import java.util.Arrays;
import java.util.Objects;

/**
 * What generated code needs to know about one model input or output.
 *
 * @param name the tensor name in the model (may be empty)
 * @param type the TFLite schema type name, e.g. {@code INT8}, {@code FLOAT32}
 * @param typeCode the TFLite schema type code, e.g. 9 for {@code INT8}
 * @param shape the dimensions
 * @param scale the per-tensor quantization scale, 0 when the tensor is not quantized
 * @param zeroPoint the per-tensor quantization zero point, 0 when the tensor is not quantized
 */
public record TensorSpec(
    String name, String type, int typeCode, int[] shape, float scale, long zeroPoint) {

  /** Copies the shape and checks the values. */
  public TensorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    shape = shape.clone();
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "Tensor '" + name + "' has a dynamic or negative dimension " + Arrays.toString(shape));
      }
    }
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /**
   * The number of elements (product of the dimensions).
   *
   * @return the element count
   */
  public long elementCount() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t
        && name.equals(t.name)
        && type.equals(t.type)
        && typeCode == t.typeCode
        && Arrays.equals(shape, t.shape)
        && Float.compare(scale, t.scale) == 0
        && zeroPoint == t.zeroPoint;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, typeCode, Arrays.hashCode(shape), scale, zeroPoint);
  }

  @Override
  public String toString() {
    return type + Arrays.toString(shape) + " '" + name + "' s=" + scale + " zp=" + zeroPoint;
  }
}
