package dev.tinyml.tflite;

/**
 * Options of UNIDIRECTIONAL_SEQUENCE_LSTM ({@code UnidirectionalSequenceLSTMOptions} in the TFLite
 * schema, union type 71).
 *
 * @param fusedActivation schema field {@code fused_activation_function} (default
 *     ActivationFunctionType.NONE)
 * @param cellClip schema field {@code cell_clip} (default 0f)
 * @param projClip schema field {@code proj_clip} (default 0f)
 * @param timeMajor schema field {@code time_major} (default false)
 * @param asymmetricQuantizeInputs schema field {@code asymmetric_quantize_inputs} (default false)
 * @param diagonalRecurrentTensors schema field {@code diagonal_recurrent_tensors} (default false)
 */
public record UnidirectionalSequenceLSTMOptions(
    ActivationFunctionType fusedActivation,
    float cellClip,
    float projClip,
    boolean timeMajor,
    boolean asymmetricQuantizeInputs,
    boolean diagonalRecurrentTensors)
    implements BuiltinOptions {
  /** Checks that the enum fields are set. */
  public UnidirectionalSequenceLSTMOptions {
    SchemaChecks.requireSet(UnidirectionalSequenceLSTMOptions.class, fusedActivation);
  }

  /** Union type code of {@code UnidirectionalSequenceLSTMOptions} in {@code BuiltinOptions}. */
  public static final int TYPE = 71;
}
