package dev.tinyml.convert;

import dev.tinyml.io.SettingNames;
import dev.tinyml.quant.QuantizationScheme;
import java.util.Optional;

/** Whether a float model is quantized on the way to the board, and to which integer types. */
public enum Quantization {
  /** Full-integer int8: a float model is calibrated and quantized; a quantized one is kept. */
  INT8(QuantizationScheme.INT8),
  /** The model goes to the board as it is, float or quantized. */
  NONE(null),
  /**
   * 16x8: int16 activations, int8 weights, int64 biases, for the ops TFLM has 16x8 kernels for; a
   * quantized model is kept.
   */
  INT16X8(QuantizationScheme.INT16X8);

  private final QuantizationScheme scheme;

  Quantization(QuantizationScheme scheme) {
    this.scheme = scheme;
  }

  /**
   * The setting by name: {@code int8}, {@code int16x8} or {@code none} (case and surrounding blanks
   * ignored).
   *
   * @param name the name; {@code null} means {@code int8}
   * @return the setting
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Quantization parse(String name) {
    return SettingNames.parse(
        Quantization.class, name, INT8, "must be int8, int16x8 or none, got '" + name + "'");
  }

  /**
   * The name {@link #parse} reads.
   *
   * @return {@code int8}, {@code int16x8} or {@code none}
   */
  public String id() {
    return SettingNames.id(this);
  }

  /**
   * The quantizer's scheme, or empty for {@link #NONE}.
   *
   * @return the scheme a float model is quantized with
   */
  public Optional<QuantizationScheme> scheme() {
    return Optional.ofNullable(scheme);
  }
}
