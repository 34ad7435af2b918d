package dev.tinyml.examples.support;

/**
 * Everything besides the data that changes an example's trained model: the network, the
 * hyper-parameters and example-specific settings such as augmentation. Its {@link #toString()} is
 * what the {@link TrainingStamp} hashes, so changing any part retrains.
 *
 * @param network the network to train
 * @param config the hyper-parameters
 * @param details further settings that change the model (augmentation, calibration data), or an
 *     empty string
 */
public record TrainingRecipe(Network network, TrainingConfig config, String details) {

  /** A recipe with nothing beyond the network and the hyper-parameters. */
  public TrainingRecipe(Network network, TrainingConfig config) {
    this(network, config, "");
  }

  /** The network, the hyper-parameters and the details, separated by spaces. */
  @Override
  public String toString() {
    return network + " " + config + (details.isEmpty() ? "" : " " + details);
  }
}
