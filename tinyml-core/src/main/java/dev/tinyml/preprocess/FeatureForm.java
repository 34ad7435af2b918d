package dev.tinyml.preprocess;

/**
 * In what form {@link AudioFeatures} are written as an array: as computed, or as the model input
 * that the {@code predict} goal and TFLM take directly.
 */
public enum FeatureForm {
  /** As computed: the micro frontend's unsigned 16-bit outputs ({@code <u2}), float32 otherwise. */
  FRAMES,
  /**
   * micro_speech's int8 model input ({@link MicroFrontend#toMicroSpeechInt8(int)}), bit-exact with
   * the device; micro-frontend features only.
   */
  INT8,
  /**
   * float32 model input: micro-frontend outputs divided by 25.6 (what a float micro_speech model
   * was trained on, and what an int8 model quantizes with its input scale); other kinds as
   * computed.
   */
  FLOAT;

  /** What a micro-frontend output is divided by to give a float model's input. */
  public static final float MICRO_FRONTEND_FLOAT_DIVISOR = 25.6f;

  /**
   * @return the name the {@code features} goal takes, e.g. {@code int8}
   */
  public String id() {
    return ConfigNames.id(this);
  }

  /**
   * Looks a form up by its {@link #id()} (case-insensitive).
   *
   * @param name the name
   * @return the form
   * @throws PreprocessException naming the valid names when none matches
   */
  public static FeatureForm fromId(String name) {
    return ConfigNames.lookUp(values(), FeatureForm::id, name, "feature form", "forms");
  }
}
