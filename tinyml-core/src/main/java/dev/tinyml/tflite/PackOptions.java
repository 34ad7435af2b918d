package dev.tinyml.tflite;

/**
 * Options of PACK ({@code PackOptions} in the TFLite schema, union type 59).
 *
 * @param valuesCount schema field {@code values_count} (default 0)
 * @param axis schema field {@code axis} (default 0)
 */
public record PackOptions(int valuesCount, int axis) implements BuiltinOptions {
  /** Union type code of {@code PackOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 59;
}
