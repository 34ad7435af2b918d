package dev.tinyml.tflite;

import java.util.List;

/**
 * Options of RESHAPE ({@code ReshapeOptions} in the TFLite schema, union type 17).
 *
 * @param newShape schema field {@code new_shape} (nullable: absent)
 */
public record ReshapeOptions(List<Integer> newShape) implements BuiltinOptions {
  /** Keeps an unmodifiable copy of {@code newShape}, so that equal options stay equal. */
  public ReshapeOptions {
    newShape = newShape == null ? null : List.copyOf(newShape);
  }

  /** Union type code of {@code ReshapeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 17;
}
