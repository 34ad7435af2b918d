package dev.tinyml.tflite;

/**
 * Options of SPLIT ({@code SplitOptions} in the TFLite schema, union type 35).
 *
 * @param numSplits schema field {@code num_splits} (default 0)
 */
public record SplitOptions(int numSplits) implements BuiltinOptions {
  /** Union type code of {@code SplitOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 35;
}
