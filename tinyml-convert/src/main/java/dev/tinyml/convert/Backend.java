package dev.tinyml.convert;

import dev.tinyml.io.SettingNames;

/** What runs the model on the board. */
public enum Backend {
  /** TensorFlow Lite Micro: {@code model.tflite} as a C array, the op resolver and the sketch. */
  TFLM,
  /** Our compiled C module ({@code <name>_model.h/.c}): no interpreter, no TFLM library. */
  C;

  /**
   * The setting by name: {@code tflm} or {@code c} (case and surrounding blanks ignored).
   *
   * @param name the name; {@code null} means {@code tflm}
   * @return the backend
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Backend parse(String name) {
    return SettingNames.parse(Backend.class, name, TFLM, "must be tflm or c, got '" + name + "'");
  }

  /**
   * The name {@link #parse} reads.
   *
   * @return {@code tflm} or {@code c}
   */
  public String id() {
    return SettingNames.id(this);
  }
}
