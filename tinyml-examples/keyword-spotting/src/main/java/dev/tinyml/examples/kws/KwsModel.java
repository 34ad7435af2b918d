package dev.tinyml.examples.kws;

import dev.tinyml.examples.support.Activation;
import dev.tinyml.examples.support.Layer;
import dev.tinyml.examples.support.Network;
import dev.tinyml.examples.support.Padding;
import dev.tinyml.examples.support.TrainingConfig;
import dev.tinyml.examples.support.TrainingRecipe;
import java.util.List;

/** The keyword-spotting network and its training settings. */
final class KwsModel {

  static final TrainingConfig TRAINING = new TrainingConfig(20, 32, 0.003f, 16_000L);

  /** Augmented examples made from every training clip. */
  static final int TRAIN_VARIANTS = 10;

  /** Augmented examples made from every held-out clip. */
  static final int TEST_VARIANTS = 8;

  private KwsModel() {}

  /**
   * micro_speech's "tiny conv" model with a second, small convolution: a 10x8 convolution with 8
   * filters and stride 2 over the 49x40 spectrogram, a 3x3 convolution with 16 filters and stride
   * 2, then a fully connected layer to the four classes. The second layer lets the model combine
   * neighbouring time-frequency patterns, which separates "no" from similar unknown words ("go",
   * "on", "down") far better than the single layer, at fewer parameters (the fully connected layer
   * shrinks).
   */
  static Network network() {
    return new Network(
        "kws-conv2",
        new int[] {KwsFeatures.FRAMES, KwsFeatures.CHANNELS, 1},
        List.of(
            new Layer.Conv2D(10, 8, 8, 2, Padding.SAME, Activation.RELU),
            new Layer.Conv2D(3, 3, 16, 2, Padding.SAME, Activation.RELU),
            new Layer.Flatten(),
            new Layer.Dense(KwsData.LABELS.size(), Activation.NONE)),
        Network.Output.SOFTMAX);
  }

  /** What training uses; its text goes into the training stamp, so changing it retrains. */
  static TrainingRecipe recipe() {
    return new TrainingRecipe(network(), TRAINING, "variants " + TRAIN_VARIANTS);
  }
}
