package dev.tinyml.convert;

import java.util.Locale;

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
    String n = name == null ? "int8" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "int8" -> INT8;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("must be int8 or none, got '" + name + "'");
    };
  }

  /**
   * The name {@link #parse} reads.
   *
   * @return {@code int8} or {@code none}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
