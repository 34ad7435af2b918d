package dev.tinyml.preprocess;

/** How image samples map pixel values in [0, 255] to model input values. */
public enum ImageNormalization {
  /** {@code p / 255}: values in [0, 1] (Keras {@code Rescaling(1/255)}). */
  ZERO_ONE("zero-one", 0f, 255f),
  /** {@code (p - 127.5) / 127.5}: values in [-1, 1] (MobileNet {@code preprocess_input}). */
  MINUS_ONE_ONE("minus-one-one", 127.5f, 127.5f),
  /** Pixel values unchanged, in [0, 255] (models that rescale inside). */
  NONE("none", 0f, 1f);

  private final String id;
  private final float mean;
  private final float std;

  ImageNormalization(String id, float mean, float std) {
    this.id = id;
    this.mean = mean;
    this.std = std;
  }

  /**
   * @return the name used in configuration, e.g. {@code zero-one}
   */
  public String id() {
    return id;
  }

  /**
   * Normalises an image with this mapping.
   *
   * @param image pixel values in [0, 255]
   * @return the normalised image
   */
  public PixelImage apply(PixelImage image) {
    return this == NONE ? image : image.normalize(new float[] {mean}, new float[] {std});
  }

  /**
   * Looks a normalisation up by its {@link #id()} (case-insensitive).
   *
   * @param name the name
   * @return the normalisation
   * @throws PreprocessException naming the valid names when none matches
   */
  public static ImageNormalization fromId(String name) {
    return ConfigNames.lookUp(
        values(), ImageNormalization::id, name, "image normalization", "values");
  }
}
