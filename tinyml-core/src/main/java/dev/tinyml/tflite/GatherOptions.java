package dev.tinyml.tflite;

/**
 * Options of GATHER ({@code GatherOptions} in the TFLite schema, union type 23).
 *
 * @param axis schema field {@code axis} (default 0)
 * @param batchDims schema field {@code batch_dims} (default 0)
 */
public record GatherOptions(int axis, int batchDims) implements BuiltinOptions {
  /** Union type code of {@code GatherOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 23;
}
