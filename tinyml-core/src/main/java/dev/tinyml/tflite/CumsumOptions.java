package dev.tinyml.tflite;

/**
 * Options of CUMSUM ({@code CumsumOptions} in the TFLite schema, union type 102).
 *
 * @param exclusive schema field {@code exclusive} (default false)
 * @param reverse schema field {@code reverse} (default false)
 */
public record CumsumOptions(boolean exclusive, boolean reverse) implements BuiltinOptions {
  /** Union type code of {@code CumsumOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 102;
}
