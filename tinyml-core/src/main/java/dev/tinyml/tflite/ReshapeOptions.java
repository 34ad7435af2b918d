package dev.tinyml.tflite;

import java.util.Arrays;

/**
 * Options of RESHAPE ({@code ReshapeOptions} in the TFLite schema, union type 17).
 *
 * @param newShape schema field {@code new_shape} (nullable: absent)
 */
public record ReshapeOptions(int[] newShape) implements BuiltinOptions {
  /** Union type code of {@code ReshapeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 17;

  @Override
  public boolean equals(Object o) {
    return o instanceof ReshapeOptions other && Arrays.equals(newShape, other.newShape);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(newShape);
  }

  @Override
  public String toString() {
    return "ReshapeOptions[newShape=" + Arrays.toString(newShape) + "]";
  }
}
