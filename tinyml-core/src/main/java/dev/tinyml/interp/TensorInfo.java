package dev.tinyml.interp;

import dev.tinyml.tflite.TensorType;
import java.util.Arrays;

/**
 * An input or output of a prepared model.
 *
 * @param index tensor index in the subgraph
 * @param name tensor name (empty when the model has none)
 * @param type element type
 * @param shape dimensions
 * @param scale per-tensor quantization scale, or 0 when unquantized
 * @param zeroPoint per-tensor zero point
 */
public record TensorInfo(
    int index, String name, TensorType type, int[] shape, float scale, int zeroPoint) {

  /** Defensive copy of the shape. */
  public TensorInfo {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public int elementCount() {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** True when the tensor carries a quantization scale. */
  public boolean quantized() {
    return scale != 0f;
  }

  /** A short description such as {@code 'input' INT8[1, 96, 96, 1]}. */
  public String describe() {
    return "'" + name + "' " + type + Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t
        && t.index == index
        && t.name.equals(name)
        && t.type == type
        && Arrays.equals(t.shape, shape)
        && Float.compare(t.scale, scale) == 0
        && t.zeroPoint == zeroPoint;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * index + name.hashCode()) + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return describe() + (quantized() ? " scale=" + scale + " zp=" + zeroPoint : "");
  }
}
