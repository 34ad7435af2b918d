package dev.tinyml.tflite;

/** Options of PADV2 ({@code PadV2Options} in the TFLite schema, union type 43). */
public record PadV2Options() implements BuiltinOptions {
  /** Union type code of {@code PadV2Options} in {@code BuiltinOptions}. */
  public static final int TYPE = 43;
}
