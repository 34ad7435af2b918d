package dev.tinyml.tflite;

/** Options of DEQUANTIZE ({@code DequantizeOptions} in the TFLite schema, union type 38). */
public record DequantizeOptions() implements BuiltinOptions {
  /** Union type code of {@code DequantizeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 38;
}
