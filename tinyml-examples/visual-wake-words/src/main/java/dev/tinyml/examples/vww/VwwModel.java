package dev.tinyml.examples.vww;

import dev.tinyml.examples.support.Activation;
import dev.tinyml.examples.support.Layer;
import dev.tinyml.examples.support.Network;
import dev.tinyml.examples.support.Padding;
import dev.tinyml.examples.support.TrainingConfig;
import dev.tinyml.examples.support.TrainingRecipe;
import java.util.ArrayList;
import java.util.List;

/** The MobileNet-style person detector, its standard-convolution twin, and training settings. */
final class VwwModel {

  static final TrainingConfig TRAINING = new TrainingConfig(12, 32, 0.004f, 9_696L);

  /** Each training scene and this many minus one augmented copies of it. */
  static final int TRAIN_VARIANTS = 3;

  /** MobileNet's width multiplier alpha: every layer has this fraction of MobileNet's channels. */
  static final double WIDTH_MULTIPLIER = 0.25;

  /** Pointwise output channels and depthwise strides of the separable blocks at alpha = 1. */
  private static final int[][] BLOCKS = {{64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 2}};

  private static final int STEM_CHANNELS = 32;

  private VwwModel() {}

  static int channels(int full) {
    return Math.max(1, (int) Math.round(full * WIDTH_MULTIPLIER));
  }

  /**
   * A 3x3 stride-2 convolution stem, five depthwise-separable blocks (3x3 depthwise then 1x1
   * pointwise, ReLU6 after each), global average pooling and a fully connected layer to the two
   * classes: MobileNet v1's first layers at a quarter of its width.
   */
  static Network network() {
    return build(true);
  }

  /** The same network with every separable block replaced by one standard 3x3 convolution. */
  static Network standardEquivalent() {
    return build(false);
  }

  private static Network build(boolean separable) {
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer.Conv2D(3, 3, channels(STEM_CHANNELS), 2, Padding.SAME, Activation.RELU6));
    for (int[] block : BLOCKS) {
      int out = channels(block[0]);
      int stride = block[1];
      if (separable) {
        layers.add(new Layer.DepthwiseConv2D(3, stride, Padding.SAME, Activation.RELU6));
        layers.add(new Layer.Conv2D(1, 1, out, 1, Padding.SAME, Activation.RELU6));
      } else {
        layers.add(new Layer.Conv2D(3, 3, out, stride, Padding.SAME, Activation.RELU6));
      }
    }
    // 96 / 2 / 2 / 2 / 2 = 6: pool the 6x6 map to one value per channel.
    layers.add(new Layer.AvgPool(6, 6));
    layers.add(new Layer.Flatten());
    layers.add(new Layer.Dense(VwwData.LABELS.size(), Activation.NONE));
    return new Network(
        separable ? "vww-mobilenet-0.25" : "vww-standard-conv-0.25",
        new int[] {SceneGenerator.SIZE, SceneGenerator.SIZE, 1},
        layers,
        Network.Output.SOFTMAX);
  }

  /** What training uses; its text goes into the training stamp, so changing it retrains. */
  static TrainingRecipe recipe() {
    return new TrainingRecipe(
        network(), TRAINING, "variants " + TRAIN_VARIANTS + " calibration on unaugmented scenes");
  }
}
