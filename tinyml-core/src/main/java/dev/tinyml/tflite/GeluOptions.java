package dev.tinyml.tflite;

/**
 * Options of GELU ({@code GeluOptions} in the TFLite schema, union type 116).
 *
 * @param approximate schema field {@code approximate} (default false)
 */
public record GeluOptions(boolean approximate) implements BuiltinOptions {
  /** Union type code of {@code GeluOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 116;
}
