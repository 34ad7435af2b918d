package dev.tinyml.tflite;

/** Options of TRANSPOSE ({@code TransposeOptions} in the TFLite schema, union type 26). */
public record TransposeOptions() implements BuiltinOptions {
  /** Union type code of {@code TransposeOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 26;
}
