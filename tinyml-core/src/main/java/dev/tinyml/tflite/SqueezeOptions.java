package dev.tinyml.tflite;

import java.util.Arrays;

/**
 * Options of SQUEEZE ({@code SqueezeOptions} in the TFLite schema, union type 30).
 *
 * @param squeezeDims schema field {@code squeeze_dims} (nullable: absent)
 */
public record SqueezeOptions(int[] squeezeDims) implements BuiltinOptions {
  /** Union type code of {@code SqueezeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 30;

  @Override
  public boolean equals(Object o) {
    return o instanceof SqueezeOptions other && Arrays.equals(squeezeDims, other.squeezeDims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(squeezeDims);
  }

  @Override
  public String toString() {
    return "SqueezeOptions[squeezeDims=" + Arrays.toString(squeezeDims) + "]";
  }
}
