package dev.tinyml.tflite;

/** Padding of convolutions and pools ({@code Padding} enum of the schema, codes 0 and 1). */
public enum Padding implements SchemaEnum {
  SAME,
  VALID;

  /** The padding with this code, or {@code null} if the code is not in the schema. */
  public static Padding fromCode(int code) {
    return code == 0 ? SAME : code == 1 ? VALID : null;
  }
}
