package dev.tinyml.tflite;

/** Options of LOG_SOFTMAX ({@code LogSoftmaxOptions} in the TFLite schema, union type 36). */
public record LogSoftmaxOptions() implements BuiltinOptions {
  /** Union type code of {@code LogSoftmaxOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 36;
}
