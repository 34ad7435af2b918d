package dev.tinyml.tflite;

/**
 * Options of SOFTMAX ({@code SoftmaxOptions} in the TFLite schema, union type 9).
 *
 * @param beta schema field {@code beta} (default 0f)
 */
public record SoftmaxOptions(float beta) implements BuiltinOptions {
  /** Union type code of {@code SoftmaxOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 9;
}
