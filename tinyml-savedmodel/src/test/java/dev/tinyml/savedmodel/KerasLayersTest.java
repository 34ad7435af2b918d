package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ImportCheck.importAndCompare;
import static dev.tinyml.savedmodel.ImportCheck.ops;
import static dev.tinyml.savedmodel.TfOracle.weights;
import static dev.tinyml.tflite.BuiltinOperator.ADD;
import static dev.tinyml.tflite.BuiltinOperator.CONCATENATION;
import static dev.tinyml.tflite.BuiltinOperator.CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.DEPTHWISE_CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.ELU;
import static dev.tinyml.tflite.BuiltinOperator.HARD_SWISH;
import static dev.tinyml.tflite.BuiltinOperator.LOGISTIC;
import static dev.tinyml.tflite.BuiltinOperator.MEAN;
import static dev.tinyml.tflite.BuiltinOperator.MUL;
import static dev.tinyml.tflite.BuiltinOperator.PAD;
import static dev.tinyml.tflite.BuiltinOperator.PRELU;
import static dev.tinyml.tflite.BuiltinOperator.REDUCE_MAX;
import static dev.tinyml.tflite.BuiltinOperator.RELU;
import static dev.tinyml.tflite.BuiltinOperator.RESHAPE;
import static dev.tinyml.tflite.BuiltinOperator.RESIZE_BILINEAR;
import static dev.tinyml.tflite.BuiltinOperator.RESIZE_NEAREST_NEIGHBOR;
import static dev.tinyml.tflite.BuiltinOperator.RSQRT;
import static dev.tinyml.tflite.BuiltinOperator.SQUARED_DIFFERENCE;
import static dev.tinyml.tflite.BuiltinOperator.SUB;
import static dev.tinyml.tflite.BuiltinOperator.TANH;
import static dev.tinyml.tflite.BuiltinOperator.TRANSPOSE;
import static dev.tinyml.tflite.BuiltinOperator.TRANSPOSE_CONV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.BuiltinOperator;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras layers as TF 2.x saves them, rebuilt op for op with TensorFlow Java: the imported model
 * must give TensorFlow's outputs within 1e-5 relative error, with the TFLite ops the converter
 * would use.
 */
class KerasLayersTest {
  private static final List<Long> ONES = List.of(1L, 1L, 1L, 1L);

  @TempDir Path tmp;

  /** The TFLite ops of the imported layer, after checking its outputs against TensorFlow. */
  private List<BuiltinOperator> importedOps(
      String name, long seed, int[] inputShape, TfOracle.Layer layer) throws Exception {
    return ops(importAndCompare(TfOracle.exportLayer(tmp.resolve(name), seed, inputShape, layer)));
  }

  /** A 1-D kernel [k, in, out] as the 2-D one [1, k, in, out] Keras' 1-D convolutions run. */
  private static Operand<TFloat32> kernel1d(Ops tf, Operand<TFloat32> kernel) {
    return tf.expandDims(kernel, tf.constant(0));
  }

  @Test
  void conv1dMatchesTensorFlow() throws Exception {
    assertThat(importedOps("conv1d", 11, new int[] {1, 16, 4}, KerasLayersTest::conv1d))
        .containsExactly(RESHAPE, CONV_2D, RESHAPE, ADD);
  }

  /** tf.nn.conv1d: the input gains a height of 1 at -3, the kernel one at 0; Conv2D; squeeze. */
  private static Operand<TFloat32> conv1d(Ops tf, Random rnd, Operand<TFloat32> x) {
    Operand<TFloat32> kernel = weights(tf, rnd, "conv1d", "kernel", 0.4f, 3, 4, 6);
    Operand<TFloat32> conv =
        tf.nn.conv2d(
            tf.expandDims(x, tf.constant(-3)),
            kernel1d(tf, kernel),
            List.of(1L, 1L, 2L, 1L),
            "SAME");
    Operand<TFloat32> bias = weights(tf, rnd, "conv1d", "bias", 0.1f, 6);
    return tf.nn.biasAdd(tf.squeeze(conv, Squeeze.axis(List.of(-3L))), bias);
  }

  @Test
  void depthwiseConv1dMatchesTensorFlow() throws Exception {
    assertThat(importedOps("dwconv1d", 12, new int[] {1, 12, 4}, KerasLayersTest::depthwise1d))
        .containsExactly(RESHAPE, DEPTHWISE_CONV_2D, RESHAPE);
  }

  /** Keras' DepthwiseConv1D: expand at 1, depthwise conv, bias, squeeze 1 (here after a ReLU). */
  private static Operand<TFloat32> depthwise1d(Ops tf, Random rnd, Operand<TFloat32> x) {
    Operand<TFloat32> kernel = kernel1d(tf, weights(tf, rnd, "dw", "kernel", 0.4f, 3, 4, 2));
    Operand<TFloat32> bias = weights(tf, rnd, "dw", "bias", 0.1f, 8);
    Operand<TFloat32> conv =
        tf.nn.depthwiseConv2dNative(tf.expandDims(x, tf.constant(1)), kernel, ONES, "VALID");
    return tf.squeeze(tf.nn.relu(tf.nn.biasAdd(conv, bias)), Squeeze.axis(List.of(1L)));
  }

  @Test
  void permuteMatchesTensorFlow() throws Exception {
    // Keras' Permute((2, 1, 3)): a Transpose with the batch axis kept first.
    TfOracle.Layer permute =
        (tf, rnd, x) -> tf.nn.relu(tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3})));
    assertThat(importedOps("permute", 13, new int[] {1, 3, 5, 2}, permute))
        .containsExactly(TRANSPOSE, RELU);
  }

  @Test
  void globalMaxPooling1dMatchesTensorFlow() throws Exception {
    // backend.max(inputs, axis=1): a Max over the steps.
    TfOracle.Layer pool = (tf, rnd, x) -> tf.max(x, tf.constant(new int[] {1}));
    assertThat(importedOps("globalmax1d", 14, new int[] {1, 10, 6}, pool))
        .containsExactly(REDUCE_MAX);
  }

  @Test
  void globalAveragePooling1dMatchesTensorFlow() throws Exception {
    TfOracle.Layer pool =
        (tf, rnd, x) -> tf.math.mean(x, tf.constant(new int[] {-2}), Mean.keepDims(true));
    assertThat(importedOps("globalavg1d", 15, new int[] {1, 10, 6}, pool)).containsExactly(MEAN);
  }

  @Test
  void upSampling2dMatchesTensorFlow() throws Exception {
    // backend.resize_images: the new size is shape(x)[1:3] * (2, 3), then tf.image.resize nearest.
    TfOracle.Layer upSampling =
        (tf, rnd, x) -> {
          Operand<TInt32> size =
              tf.math.mul(
                  tf.stridedSlice(
                      tf.shape(x),
                      tf.constant(new int[] {1}),
                      tf.constant(new int[] {3}),
                      tf.constant(new int[] {1})),
                  tf.constant(new int[] {2, 3}));
          return tf.image.resizeNearestNeighbor(
              x, size, ResizeNearestNeighbor.halfPixelCenters(true));
        };
    assertThat(importedOps("upsampling2d", 16, new int[] {1, 3, 4, 2}, upSampling))
        .containsExactly(RESIZE_NEAREST_NEIGHBOR);
  }

  @Test
  void resizingMatchesTensorFlow() throws Exception {
    // Keras' Resizing(5, 7) (bilinear): tf.image.resize with half-pixel centers.
    TfOracle.Layer resizing =
        (tf, rnd, x) ->
            tf.image.resizeBilinear(
                x, tf.constant(new int[] {5, 7}), ResizeBilinear.halfPixelCenters(true));
    assertThat(importedOps("resizing", 17, new int[] {1, 3, 4, 2}, resizing))
        .containsExactly(RESIZE_BILINEAR);
  }

  @Test
  void conv2dTransposeMatchesTensorFlow() throws Exception {
    assertThat(importedOps("conv2dtranspose", 18, new int[] {1, 4, 5, 3}, KerasLayersTest::deconv))
        .containsExactly(TRANSPOSE_CONV);
  }

  /**
   * Keras' Conv2DTranspose(6, 3, strides=2, padding="same"), then ReLU: the output size is stacked
   * from the dynamic batch and the computed height, width and filters.
   */
  private static Operand<TFloat32> deconv(Ops tf, Random rnd, Operand<TFloat32> x) {
    Operand<TInt32> batch = TfOracle.dynamicBatch(tf, x);
    Operand<TInt32> size =
        tf.stack(List.of(batch, tf.constant(8), tf.constant(10), tf.constant(6)));
    Operand<TFloat32> kernel = weights(tf, rnd, "conv2d_transpose", "kernel", 0.4f, 3, 3, 6, 3);
    Operand<TFloat32> y =
        tf.nn.conv2dBackpropInput(size, kernel, x, List.of(1L, 2L, 2L, 1L), "SAME");
    return tf.nn.relu(tf.nn.biasAdd(y, weights(tf, rnd, "conv2d_transpose", "bias", 0.1f, 6)));
  }

  @Test
  void eluMatchesTensorFlow() throws Exception {
    TfOracle.Layer elu = (tf, rnd, x) -> tf.nn.elu(tf.math.mul(x, tf.constant(3f)));
    assertThat(importedOps("elu", 19, new int[] {1, 40}, elu)).containsExactly(MUL, ELU);
  }

  @Test
  void zeroPadding1dMatchesTensorFlow() throws Exception {
    // backend.temporal_padding: Pad with [[0, 0], [left, right], [0, 0]].
    TfOracle.Layer pad =
        (tf, rnd, x) ->
            tf.pad(
                tf.nn.relu(x), tf.constant(new int[][] {{0, 0}, {2, 1}, {0, 0}}), tf.constant(0f));
    assertThat(importedOps("zeropadding1d", 20, new int[] {1, 6, 3}, pad))
        .containsExactly(RELU, PAD);
  }

  @Test
  void zeroPadding2dMatchesTensorFlow() throws Exception {
    TfOracle.Layer pad =
        (tf, rnd, x) ->
            tf.pad(
                tf.nn.relu(x),
                tf.constant(new int[][] {{0, 0}, {1, 2}, {3, 0}, {0, 0}}),
                tf.constant(0f));
    assertThat(importedOps("zeropadding2d", 21, new int[] {1, 4, 3, 2}, pad))
        .containsExactly(RELU, PAD);
  }

  @Test
  void concatenateOnAnyAxisMatchesTensorFlow() throws Exception {
    // Concatenate(axis=-3) then Concatenate(axis=2): ConcatV2 with a negative and a middle axis.
    TfOracle.Layer concat =
        (tf, rnd, x) -> {
          Operand<TFloat32> rows =
              tf.concat(List.of(tf.nn.relu(x), tf.math.tanh(x)), tf.constant(-3));
          return tf.concat(List.of(rows, tf.math.sigmoid(rows)), tf.constant(2));
        };
    assertThat(importedOps("concatenate", 22, new int[] {1, 3, 4, 2}, concat))
        .containsExactly(RELU, TANH, CONCATENATION, LOGISTIC, CONCATENATION);
  }

  @Test
  void layerNormalizationAsTfNnMomentsMatchesTensorFlow() throws Exception {
    assertThat(importedOps("layernorm", 23, new int[] {1, 5, 8}, KerasLayersTest::layerNorm))
        .containsOnly(MEAN, SQUARED_DIFFERENCE, ADD, RSQRT, MUL, SUB);
  }

  /** tf.nn.moments over the last axis, then tf.nn.batch_normalization with gamma and beta. */
  private static Operand<TFloat32> layerNorm(Ops tf, Random rnd, Operand<TFloat32> x) {
    Operand<TInt32> axis = tf.constant(new int[] {-1});
    Operand<TFloat32> mean = tf.math.mean(x, axis, Mean.keepDims(true));
    Operand<TFloat32> variance =
        tf.math.mean(
            tf.math.squaredDifference(x, tf.stopGradient(mean)), axis, Mean.keepDims(true));
    Operand<TFloat32> inv =
        tf.math.mul(
            tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-3f))),
            weights(tf, rnd, "layer_normalization", "gamma", 0.5f, 8));
    Operand<TFloat32> beta = weights(tf, rnd, "layer_normalization", "beta", 0.5f, 8);
    return tf.math.add(tf.math.mul(x, inv), tf.math.sub(beta, tf.math.mul(mean, inv)));
  }

  @Test
  void layerNormalizationAsKeras3MomentsMatchesTensorFlow() throws Exception {
    assertThat(importedOps("layernorm3", 24, new int[] {1, 4, 6}, KerasLayersTest::layerNorm3))
        .containsOnly(MEAN, MUL, SUB, ADD, RSQRT);
  }

  /** Keras 3: variance = mean(x^2) - mean^2; x * inv + (-mean * inv + beta). */
  private static Operand<TFloat32> layerNorm3(Ops tf, Random rnd, Operand<TFloat32> x) {
    Operand<TInt32> axis = tf.constant(new int[] {2});
    Operand<TFloat32> mean = tf.math.mean(x, axis, Mean.keepDims(true));
    Operand<TFloat32> variance =
        tf.math.sub(
            tf.math.mean(tf.math.square(x), axis, Mean.keepDims(true)),
            tf.math.square(tf.stopGradient(mean)));
    Operand<TFloat32> inv =
        tf.math.mul(
            tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-3f))),
            weights(tf, rnd, "layer_norm", "gamma", 0.5f, 6));
    Operand<TFloat32> res =
        tf.math.add(
            tf.math.mul(tf.math.neg(mean), inv), weights(tf, rnd, "layer_norm", "beta", 0.5f, 6));
    return tf.math.add(tf.math.mul(x, inv), res);
  }

  @Test
  void hardSwishAsKeras3HardSiluMatchesTensorFlow() throws Exception {
    // x * relu6(x + 3) / 6
    TfOracle.Layer hardSilu =
        (tf, rnd, x) ->
            tf.math.realDiv(
                tf.math.mul(x, tf.nn.relu6(tf.math.add(x, tf.constant(3f)))), tf.constant(6f));
    assertThat(importedOps("hardsilu", 25, new int[] {1, 40}, scaled(hardSilu)))
        .containsExactly(MUL, HARD_SWISH);
  }

  @Test
  void hardSwishAsMobileNetV3MatchesTensorFlow() throws Exception {
    // Multiply()([x, ReLU(6.)(x + 3.) * (1. / 6.)])
    TfOracle.Layer hardSwish =
        (tf, rnd, x) ->
            tf.math.mul(
                x, tf.math.mul(tf.nn.relu6(tf.math.add(x, tf.constant(3f))), tf.constant(1f / 6f)));
    assertThat(importedOps("hardswish", 26, new int[] {1, 40}, scaled(hardSwish)))
        .containsExactly(MUL, HARD_SWISH);
  }

  /** The layer on 4 * x, so that inputs reach both bends of relu6(x + 3) at -3 and 3. */
  private static TfOracle.Layer scaled(TfOracle.Layer layer) {
    return (tf, rnd, x) -> layer.apply(tf, rnd, tf.withName("scaled").math.mul(x, tf.constant(4f)));
  }

  @Test
  void preluMatchesTensorFlow() throws Exception {
    // Keras' PReLU: relu(x) + -alpha * relu(-x), alpha of the input's shape without the batch.
    TfOracle.Layer prelu =
        (tf, rnd, x) -> {
          Operand<TFloat32> alpha = weights(tf, rnd, "p_re_lu", "alpha", 0.5f, 4, 6);
          return tf.math.add(
              tf.nn.relu(x), tf.math.mul(tf.math.neg(alpha), tf.nn.relu(tf.math.neg(x))));
        };
    assertThat(importedOps("prelu", 27, new int[] {1, 4, 6}, prelu)).containsExactly(PRELU);
  }

  @Test
  void aLayerWithAnUnsupportedOpFailsNamingTheOpAndTheLayer() throws Exception {
    // Selu has no TFLite builtin the interpreter runs.
    TfOracle.Layer selu = (tf, rnd, x) -> tf.withSubScope("activation").nn.selu(x);
    TfOracle.Exported e = TfOracle.exportLayer(tmp.resolve("selu"), 28, new int[] {1, 4}, selu);
    assertThatThrownBy(() -> SavedModelImporter.builder().build().importModel(e.dir()))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("op Selu")
        .hasMessageContaining("layer 'activation'");
  }
}
