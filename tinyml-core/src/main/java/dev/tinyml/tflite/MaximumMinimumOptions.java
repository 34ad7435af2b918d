package dev.tinyml.tflite;

/**
 * Options of MAXIMUM and MINIMUM ({@code MaximumMinimumOptions} in the TFLite schema, union type
 * 39).
 */
public record MaximumMinimumOptions() implements BuiltinOptions {
  /** Union type code of {@code MaximumMinimumOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 39;
}
