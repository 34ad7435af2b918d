package dev.tinyml.tflite;

/** Options of HARD_SWISH ({@code HardSwishOptions} in the TFLite schema, union type 91). */
public record HardSwishOptions() implements BuiltinOptions {
  /** Union type code of {@code HardSwishOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 91;
}
