package dev.tinyml.preprocess;

/** The audio features this package computes, with the names the {@code features} goal takes. */
public enum FeatureKind {
  /** TFLM's integer audio frontend ({@link MicroFrontend}). */
  MICRO_FRONTEND("micro-frontend"),
  /** Natural-log mel energies. */
  LOG_MEL("log-mel"),
  /** Mel-frequency cepstral coefficients. */
  MFCC("mfcc"),
  /** Magnitude (or power) spectrogram. */
  SPECTROGRAM("spectrogram");

  private final String id;

  FeatureKind(String id) {
    this.id = id;
  }

  /**
   * @return the name used on the command line and in JSON, e.g. {@code micro-frontend}
   */
  public String id() {
    return id;
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
