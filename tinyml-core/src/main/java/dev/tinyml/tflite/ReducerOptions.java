package dev.tinyml.tflite;

/**
 * Options of MEAN, SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD, REDUCE_ANY and REDUCE_ALL ({@code
 * ReducerOptions} in the TFLite schema, union type 27).
 *
 * @param keepDims schema field {@code keep_dims} (default false)
 */
public record ReducerOptions(boolean keepDims) implements BuiltinOptions {
  /** Union type code of {@code ReducerOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 27;
}
