package dev.tinyml.tflite;

/**
 * Options of BATCH_MATMUL ({@code BatchMatMulOptions} in the TFLite schema, union type 101).
 *
 * @param adjX schema field {@code adj_x} (default false)
 * @param adjY schema field {@code adj_y} (default false)
 * @param asymmetricQuantizeInputs schema field {@code asymmetric_quantize_inputs} (default false)
 */
public record BatchMatMulOptions(boolean adjX, boolean adjY, boolean asymmetricQuantizeInputs)
    implements BuiltinOptions {
  /** Union type code of {@code BatchMatMulOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 101;
}
