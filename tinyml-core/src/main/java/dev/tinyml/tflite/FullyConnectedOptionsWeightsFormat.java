package dev.tinyml.tflite;

/** Weight layouts of FULLY_CONNECTED ({@code FullyConnectedOptionsWeightsFormat} of the schema). */
public enum FullyConnectedOptionsWeightsFormat implements SchemaEnum {
  DEFAULT,
  SHUFFLED4x16INT8;

  /** The format with this code, or {@code null} if the code is not in the schema. */
  public static FullyConnectedOptionsWeightsFormat fromCode(int code) {
    return code == 0 ? DEFAULT : code == 1 ? SHUFFLED4x16INT8 : null;
  }
}
