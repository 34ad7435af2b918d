package dev.tinyml.tflite;

/** Options of EXPAND_DIMS ({@code ExpandDimsOptions} in the TFLite schema, union type 52). */
public record ExpandDimsOptions() implements BuiltinOptions {
  /** Union type code of {@code ExpandDimsOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 52;
}
