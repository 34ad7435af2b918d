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
   * A dense autoencoder 140-32-8-32-140: the 8-value bottleneck can hold the shape of a normal beat
   * but not the unusual parts of an abnormal one, whose reconstruction error is therefore larger.
   */
  static Network network() {
    return new Network(
        "ecg-autoencoder",
        new int[] {EcgGenerator.SAMPLES},
        List.of(
            new Layer.Dense(32, Activation.RELU),
            new Layer.Dense(8, Activation.RELU),
            new Layer.Dense(32, Activation.RELU),
            new Layer.Dense(EcgGenerator.SAMPLES, Activation.NONE)),
        Network.Output.IDENTITY);
  }
}
