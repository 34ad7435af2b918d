package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.TfOracle.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Small Keras models rebuilt op for op with TensorFlow Java, as TF 2.x saves them, and exported as
 * SavedModels: shared with the conversion tests of tinyml-convert (through this module's test-jar).
 */
public final class KerasModels {
  /** The autoencoder's input: one 8x8 grayscale image. */
  public static final int[] AUTOENCODER_INPUT = {1, 8, 8, 1};

  /** The keyword model's input: 16 frames of 8 features. */
  public static final int[] KEYWORD_INPUT = {1, 16, 8};

  /** The keyword model's classes. */
  public static final int KEYWORDS = 4;

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

  /**
   * Exports the keyword model {@link #keywordGru} with seeded weights.
   *
   * @param dir where to write the SavedModel
   * @param seed seeds the weights
   * @return {@code dir}
   */
  public static Path exportKeywordGru(Path dir, long seed) throws Exception {
    return TfOracle.exportLayer(dir, seed, KEYWORD_INPUT, KerasModels::keywordGru).dir();
  }

  /**
   * {@code Conv1D(8, 3, strides=2, padding="same", activation="relu")}, {@code GRU(12,
   * unroll=True)}, {@code Dense(4, activation="softmax")}.
   */
  static Operand<TFloat32> keywordGru(Ops tf, Random rnd, Operand<TFloat32> x) {
    Ops conv = tf.withSubScope("conv1d");
    Operand<TFloat32> kernel =
        tf.expandDims(weights(tf, rnd, "conv1d", "kernel", 0.5f, 3, 8, 8), tf.constant(0));
    Operand<TFloat32> y =
        conv.nn.conv2d(
            conv.expandDims(x, conv.constant(-3)), kernel, List.of(1L, 1L, 2L, 1L), "SAME");
    Operand<TFloat32> features =
        conv.nn.relu(
            conv.nn.biasAdd(
                conv.squeeze(y, Squeeze.axis(List.of(-3L))),
                weights(tf, rnd, "conv1d", "bias", 0.1f, 8)));
    Operand<TFloat32> h = unrolledGru(tf.withSubScope("gru"), rnd, features, 8, 8, 12);
    Ops dense = tf.withSubScope("dense");
    Operand<TFloat32> logits =
        dense.nn.biasAdd(
            dense.linalg.matMul(h, weights(tf, rnd, "dense", "kernel", 0.5f, 12, KEYWORDS)),
            weights(tf, rnd, "dense", "bias", 0.1f, KEYWORDS));
    return dense.nn.softmax(logits);
  }

  /**
   * Keras 2's {@code GRU(units, unroll=True)} (reset_after=True, implementation 2, tanh and
   * sigmoid), returning the last state, as {@code backend.rnn} unrolls it: the input made
   * time-major and unstacked; the stacked bias [2, 3 * units] unstacked into input and recurrent
   * biases; the zero initial state filled from the dynamic batch; then per step {@code x W + b_i}
   * split in three, {@code h U + b_r} split by sizes, z and r from sigmoids, the candidate from a
   * tanh of {@code x_h + r * (h U)_h}, and {@code h = z * h + (1 - z) * candidate}.
   *
   * @param x the input [batch, steps, features]
   */
  static Operand<TFloat32> unrolledGru(
      Ops tf, Random rnd, Operand<TFloat32> x, int steps, int features, int units) {
    List<Operand<TFloat32>> states = unrolledGruStates(tf, rnd, x, steps, features, units);
    return states.get(states.size() - 1);
  }

  /**
   * {@code GRU(units, unroll=True, return_sequences=True)}: the states of every step stacked
   * time-major and made batch-major again, as {@code backend.rnn} returns them.
   */
  static Operand<TFloat32> unrolledGruSequences(
      Ops tf, Random rnd, Operand<TFloat32> x, int steps, int features, int units) {
    return tf.linalg.transpose(
        tf.stack(unrolledGruStates(tf, rnd, x, steps, features, units)),
        tf.constant(new int[] {1, 0, 2}));
  }

  /** The state after each step of {@link #unrolledGru}. */
  private static List<Operand<TFloat32>> unrolledGruStates(
      Ops tf, Random rnd, Operand<TFloat32> x, int steps, int features, int units) {
    Operand<TFloat32> kernel = weights(tf, rnd, "gru", "kernel", 0.5f, features, 3 * units);
    Operand<TFloat32> recurrent =
        weights(tf, rnd, "gru", "recurrent_kernel", 0.5f, units, 3 * units);
    Operand<TFloat32> bias = weights(tf, rnd, "gru", "bias", 0.3f, 2, 3 * units);
    List<Output<TFloat32>> biases = tf.unstack(bias, 2L).output();
    List<Output<TFloat32>> inputs =
        tf.unstack(tf.linalg.transpose(x, tf.constant(new int[] {1, 0, 2})), (long) steps).output();
    Operand<TFloat32> h =
        tf.zeros(
            tf.stack(List.of(TfOracle.dynamicBatch(tf, x), tf.constant(units))), TFloat32.class);
    Operand<TInt32> last = tf.constant(-1);
    List<Operand<TFloat32>> states = new ArrayList<>();
    for (Output<TFloat32> xt : inputs) {
      Operand<TFloat32> mx = tf.nn.biasAdd(tf.linalg.matMul(xt, kernel), biases.get(0));
      List<Output<TFloat32>> xs = tf.split(last, mx, 3L).output();
      Operand<TFloat32> mi = tf.nn.biasAdd(tf.linalg.matMul(h, recurrent), biases.get(1));
      List<Output<TFloat32>> hs =
          tf.splitV(mi, tf.constant(new int[] {units, units, -1}), last, 3L).output();
      Operand<TFloat32> z = tf.math.sigmoid(tf.math.add(xs.get(0), hs.get(0)));
      Operand<TFloat32> r = tf.math.sigmoid(tf.math.add(xs.get(1), hs.get(1)));
      Operand<TFloat32> candidate = tf.math.tanh(tf.math.add(xs.get(2), tf.math.mul(r, hs.get(2))));
      h = tf.math.add(tf.math.mul(z, h), tf.math.mul(tf.math.sub(tf.constant(1f), z), candidate));
      states.add(h);
    }
    return states;
  }

  /**
   * Keras 2's {@code LSTM(units, unroll=True)} (implementation 2), returning the last state: per
   * step {@code z = x W + h U + b} split in four, {@code i, f, o} sigmoids, {@code c = f * c + i *
   * tanh(z_2)} and {@code h = o * tanh(c)}, from zero states.
   *
   * @param x the input [batch, steps, features]
   */
  static Operand<TFloat32> unrolledLstm(
      Ops tf, Random rnd, Operand<TFloat32> x, int steps, int features, int units) {
    Operand<TFloat32> kernel = weights(tf, rnd, "lstm", "kernel", 0.5f, features, 4 * units);
    Operand<TFloat32> recurrent =
        weights(tf, rnd, "lstm", "recurrent_kernel", 0.5f, units, 4 * units);
    Operand<TFloat32> bias = weights(tf, rnd, "lstm", "bias", 0.3f, 4 * units);
    List<Output<TFloat32>> inputs =
        tf.unstack(tf.linalg.transpose(x, tf.constant(new int[] {1, 0, 2})), (long) steps).output();
    Operand<TInt32> stateShape =
        tf.stack(List.of(TfOracle.dynamicBatch(tf, x), tf.constant(units)));
    Operand<TFloat32> h = tf.zeros(stateShape, TFloat32.class);
    Operand<TFloat32> c = tf.zeros(stateShape, TFloat32.class);
    for (Output<TFloat32> xt : inputs) {
      Operand<TFloat32> z =
          tf.nn.biasAdd(
              tf.math.add(tf.linalg.matMul(xt, kernel), tf.linalg.matMul(h, recurrent)), bias);
      List<Output<TFloat32>> gates = tf.split(tf.constant(1), z, 4L).output();
      Operand<TFloat32> i = tf.math.sigmoid(gates.get(0));
      Operand<TFloat32> f = tf.math.sigmoid(gates.get(1));
      c = tf.math.add(tf.math.mul(f, c), tf.math.mul(i, tf.math.tanh(gates.get(2))));
      h = tf.math.mul(tf.math.sigmoid(gates.get(3)), tf.math.tanh(c));
    }
    return h;
  }
}
