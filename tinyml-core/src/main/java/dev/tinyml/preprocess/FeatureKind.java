package dev.tinyml.preprocess;

/** The audio features this package computes, with the names the {@code features} goal takes. */
public enum FeatureKind {
  /** TFLM's integer audio frontend ({@link MicroFrontend}). */
  MICRO_FRONTEND,
  /** Natural-log mel energies. */
  LOG_MEL,
  /** Mel-frequency cepstral coefficients. */
  MFCC,
  /** Magnitude (or power) spectrogram. */
  SPECTROGRAM;

  /**
   * @return the name used on the command line and in JSON, e.g. {@code micro-frontend}
   */
  public String id() {
    return ConfigNames.id(this);
  }

  /**
   * Looks a kind up by its {@link #id()} (case-insensitive).
   *
   * @param name the name
   * @return the kind
   * @throws PreprocessException naming the valid names when none matches
   */
  public static FeatureKind fromId(String name) {
    return ConfigNames.lookUp(values(), FeatureKind::id, name, "feature kind", "kinds");
  }
}
