package dev.tinyml.tflite;

/** Options of PAD ({@code PadOptions} in the TFLite schema, union type 22). */
public record PadOptions() implements BuiltinOptions {
  /** Union type code of {@code PadOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 22;
}
