package dev.tinyml.tflite;

/**
 * Options of SPLIT_V ({@code SplitVOptions} in the TFLite schema, union type 79).
 *
 * @param numSplits schema field {@code num_splits} (default 0)
 */
public record SplitVOptions(int numSplits) implements BuiltinOptions {
  /** Union type code of {@code SplitVOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 79;
}
