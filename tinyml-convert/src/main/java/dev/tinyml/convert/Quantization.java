package dev.tinyml.convert;

import dev.tinyml.io.SettingNames;

/** Whether a float model is quantized on the way to the board. */
public enum Quantization {
  /** Full-integer int8: a float model is calibrated and quantized; a quantized one is kept. */
  INT8,
  /** The model goes to the board as it is, float or quantized. */
  NONE;

  /**
   * The setting by name: {@code int8} or {@code none} (case and surrounding blanks ignored).
   *
   * @param name the name; {@code null} means {@code int8}
   * @return the setting
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Quantization parse(String name) {
    return SettingNames.lookup(Quantization.class, name, INT8)
        .orElseThrow(
            () -> new IllegalArgumentException("must be int8 or none, got '" + name + "'"));
  }

  /**
   * The name {@link #parse} reads.
   *
   * @return {@code int8} or {@code none}
   */
  public String id() {
    return SettingNames.id(this);
  }
}
