package dev.tinyml.tflite;

import java.util.List;

/**
 * Options of SQUEEZE ({@code SqueezeOptions} in the TFLite schema, union type 30).
 *
 * @param squeezeDims schema field {@code squeeze_dims} (nullable: absent)
 */
public record SqueezeOptions(List<Integer> squeezeDims) implements BuiltinOptions {
  /** Keeps an unmodifiable copy of {@code squeezeDims}, so that equal options stay equal. */
  public SqueezeOptions {
    squeezeDims = squeezeDims == null ? null : List.copyOf(squeezeDims);
  }

  /** Union type code of {@code SqueezeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 30;
}
