package dev.tinyml.quant;

import dev.tinyml.io.SettingNames;
import dev.tinyml.tflite.TensorType;

/** Which integer types a quantized model computes in. */
public enum QuantizationScheme {
  /** Int8 activations, int8 weights, int32 biases: TFLite's full-integer default. */
  INT8(TensorType.INT8, IoType.INT8),
  /**
   * Int16 activations (symmetric, zero point 0), int8 weights, int64 biases: TFLite's "16x8" mode,
   * for models whose activations need more than 8 bits (audio, regression); only the ops TFLM has
   * 16x8 kernels for.
   */
  INT16X8(TensorType.INT16, IoType.INT16);

  private final TensorType activationType;
  private final IoType integerIo;

  QuantizationScheme(TensorType activationType, IoType integerIo) {
    this.activationType = activationType;
    this.integerIo = integerIo;
  }

  /**
   * The type of quantized activations.
   *
   * @return {@link TensorType#INT8} or {@link TensorType#INT16}
   */
  public TensorType activationType() {
    return activationType;
  }

  /**
   * The integer type of the model's inputs and outputs under this scheme.
   *
   * @return {@link IoType#INT8} or {@link IoType#INT16}
   */
  public IoType integerIo() {
    return integerIo;
  }

  /**
   * The scheme by name: {@code int8} or {@code int16x8} (case and surrounding blanks ignored).
   *
   * @param name the name; {@code null} means {@code int8}
   * @return the scheme
   * @throws IllegalArgumentException naming the accepted values
   */
  public static QuantizationScheme parse(String name) {
    return SettingNames.parse(
        QuantizationScheme.class,
        name,
        INT8,
        "the quantization scheme must be int8 or int16x8, got '" + name + "'");
  }

  /**
   * The name {@link #parse} reads.
   *
   * @return {@code int8} or {@code int16x8}
   */
  public String id() {
    return SettingNames.id(this);
  }
}
