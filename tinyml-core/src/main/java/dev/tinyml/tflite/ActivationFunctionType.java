package dev.tinyml.tflite;

/** Fused activations ({@code ActivationFunctionType} enum of the schema, codes 0 to 5). */
public enum ActivationFunctionType implements SchemaEnum {
  NONE,
  RELU,
  RELU_N1_TO_1,
  RELU6,
  TANH,
  SIGN_BIT;

  private static final ActivationFunctionType[] BY_CODE = values();

  /** The activation with this code, or {@code null} if the code is not in the schema. */
  public static ActivationFunctionType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
