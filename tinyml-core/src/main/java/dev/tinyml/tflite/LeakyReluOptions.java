package dev.tinyml.tflite;

/**
 * Options of LEAKY_RELU ({@code LeakyReluOptions} in the TFLite schema, union type 75).
 *
 * @param alpha schema field {@code alpha} (default 0f)
 */
public record LeakyReluOptions(float alpha) implements BuiltinOptions {
  /** Union type code of {@code LeakyReluOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 75;
}
