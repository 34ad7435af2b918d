package dev.tinyml.examples.support;

/**
 * Hyper-parameters of a training run.
 *
 * @param epochs passes over the training set
 * @param batchSize examples per step
 * @param learningRate Adam's step size
 * @param seed seeds the initial weights and the order of examples in every epoch
 */
public record TrainingConfig(int epochs, int batchSize, float learningRate, long seed) {
  public TrainingConfig {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "epochs and batchSize must be at least 1 and learningRate positive, got "
              + epochs
              + ", "
              + batchSize
              + ", "
              + learningRate);
    }
  }
}
