package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.TfOracle.weights;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Small Keras models rebuilt op for op with TensorFlow Java, as TF 2.x saves them, and exported as
 * SavedModels: shared with the conversion tests of tinyml-convert (through this module's test-jar).
 */
public final class KerasModels {
  /** The autoencoder's input: one 8x8 grayscale image. */
  public static final int[] AUTOENCODER_INPUT = {1, 8, 8, 1};

  private KerasModels() {}

  /**
   * Exports the convolutional autoencoder {@link #convAutoencoder} with seeded weights.
   *
   * @param dir where to write the SavedModel
   * @param seed seeds the weights
   * @return {@code dir}
   */
  public static Path exportConvAutoencoder(Path dir, long seed) throws Exception {
    return TfOracle.exportLayer(dir, seed, AUTOENCODER_INPUT, KerasModels::convAutoencoder).dir();
  }

  /**
   * {@code Conv2D(4, 3, strides=2, padding="same", activation="relu")} then {@code
   * Conv2DTranspose(1, 3, strides=2, padding="same")} back to the input's size.
   */
  static Operand<TFloat32> convAutoencoder(Ops tf, Random rnd, Operand<TFloat32> x) {
    Operand<TFloat32> kernel = weights(tf, rnd, "conv2d", "kernel", 0.5f, 3, 3, 1, 4);
    Operand<TFloat32> code =
        tf.nn.relu(
            tf.nn.biasAdd(
                tf.nn.conv2d(x, kernel, List.of(1L, 2L, 2L, 1L), "SAME"),
                weights(tf, rnd, "conv2d", "bias", 0.1f, 4)));
    Operand<TInt32> size =
        tf.stack(
            List.of(TfOracle.dynamicBatch(tf, x), tf.constant(8), tf.constant(8), tf.constant(1)));
    Operand<TFloat32> filter = weights(tf, rnd, "conv2d_transpose", "kernel", 0.5f, 3, 3, 1, 4);
    Operand<TFloat32> y =
        tf.nn.conv2dBackpropInput(size, filter, code, List.of(1L, 2L, 2L, 1L), "SAME");
    return tf.nn.biasAdd(y, weights(tf, rnd, "conv2d_transpose", "bias", 0.1f, 1));
  }
}
