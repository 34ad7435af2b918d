package dev.tinyml.tflite;

/** Options of QUANTIZE ({@code QuantizeOptions} in the TFLite schema, union type 89). */
public record QuantizeOptions() implements BuiltinOptions {
  /** Union type code of {@code QuantizeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 89;
}
