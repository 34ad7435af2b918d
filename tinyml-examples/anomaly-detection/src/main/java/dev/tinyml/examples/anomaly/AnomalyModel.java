package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.Activation;
import dev.tinyml.examples.support.Layer;
import dev.tinyml.examples.support.Network;
import dev.tinyml.examples.support.TrainingConfig;
import java.util.List;

/** The autoencoder and its training settings. */
final class AnomalyModel {

  static final TrainingConfig TRAINING = new TrainingConfig(60, 32, 0.002f, 7L);

  private AnomalyModel() {}

  /**
   * A dense autoencoder 192-64-16-64-192 over one window (64 samples of x, y, z): the 16-value
   * bottleneck holds gravity and the fan's harmonics at their usual frequencies and strengths but
   * not the components a fault adds, so a faulty window reconstructs worse.
   */
  static Network network() {
    return new Network(
        "vibration-autoencoder",
        new int[] {VibrationData.VALUES},
        List.of(
            new Layer.Dense(64, Activation.RELU),
            new Layer.Dense(16, Activation.RELU),
            new Layer.Dense(64, Activation.RELU),
            new Layer.Dense(VibrationData.VALUES, Activation.NONE)),
        Network.Output.IDENTITY);
  }
}
