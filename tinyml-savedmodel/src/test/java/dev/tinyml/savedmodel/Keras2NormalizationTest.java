package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ImportCheck.importAndCompare;
import static dev.tinyml.savedmodel.ImportCheck.ops;
import static dev.tinyml.savedmodel.TfOracle.weights;
import static dev.tinyml.tflite.BuiltinOperator.ADD;
import static dev.tinyml.tflite.BuiltinOperator.CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.DIV;
import static dev.tinyml.tflite.BuiltinOperator.MEAN;
import static dev.tinyml.tflite.BuiltinOperator.MUL;
import static dev.tinyml.tflite.BuiltinOperator.RESHAPE;
import static dev.tinyml.tflite.BuiltinOperator.RSQRT;
import static dev.tinyml.tflite.BuiltinOperator.SQUARED_DIFFERENCE;
import static dev.tinyml.tflite.BuiltinOperator.SUB;
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
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * TF's {@code Div} beside {@code RealDiv}, and LayerNormalization as Keras 2 saves it: a
 * training-mode FusedBatchNormV3 over the input reshaped to {@code [1, rows, features, 1]} NCHW,
 * then gamma and beta. Each matches TensorFlow within 1e-5.
 */
class Keras2NormalizationTest {
  @TempDir Path tmp;

  private List<BuiltinOperator> importedOps(
      String name, long seed, int[] inputShape, TfOracle.Layer layer) throws Exception {
    return ops(importAndCompare(TfOracle.exportLayer(tmp.resolve(name), seed, inputShape, layer)));
  }

  @Test
  void divLowersToDivLikeRealDiv() throws Exception {
    TfOracle.Layer div =
        (tf, rnd, x) -> tf.math.div(x, tf.math.add(tf.math.mul(x, x), tf.constant(0.5f)));
    assertThat(importedOps("div", 31, new int[] {1, 12}, div)).contains(DIV);
  }

  @Test
  void divByAConstantOfIntegersFolds() throws Exception {
    // Div of int32 shape arithmetic truncates toward zero, as TensorFlow does: 7 / 2 = 3.
    TfOracle.Layer reshape =
        (tf, rnd, x) ->
            tf.reshape(
                x,
                tf.stack(
                    List.of(
                        TfOracle.dynamicBatch(tf, x),
                        tf.math.div(tf.constant(7), tf.constant(2)),
                        tf.constant(4))));
    assertThat(importedOps("divfold", 32, new int[] {1, 12}, reshape)).containsExactly(RESHAPE);
  }

  @Test
  void keras2LayerNormalizationMatchesTensorFlow() throws Exception {
    assertThat(importedOps("layernorm2", 33, new int[] {1, 5, 8}, Keras2NormalizationTest::norm))
        .containsExactly(
            RESHAPE, MEAN, SQUARED_DIFFERENCE, MEAN, ADD, RSQRT, SUB, MUL, RESHAPE, MUL, ADD);
  }

  @Test
  void keras2LayerNormalizationAfterAConvolutionStaysItsOwnOps() throws Exception {
    // The conv must not absorb a batch norm that normalizes by its own statistics.
    TfOracle.Layer convThenNorm =
        (tf, rnd, x) -> {
          Operand<TFloat32> k = weights(tf, rnd, "conv", "kernel", 0.5f, 1, 1, 8, 8);
          Operand<TFloat32> y =
              tf.nn.conv2d(tf.reshape(x, tf.constant(new int[] {-1, 1, 5, 8})), k, ones(), "SAME");
          return norm(tf, rnd, tf.reshape(y, tf.constant(new int[] {-1, 5, 8})));
        };
    assertThat(importedOps("convnorm", 34, new int[] {1, 5, 8}, convThenNorm))
        .contains(CONV_2D, MEAN, RSQRT);
  }

  @Test
  void aTrainingModeBatchNormOverARealBatchFailsNamingTheNode() throws Exception {
    TfOracle.Layer training =
        (tf, rnd, x) ->
            tf.withSubScope("batch_normalization")
                .nn
                .fusedBatchNorm(
                    x,
                    tf.constant(new float[] {1, 1}),
                    tf.constant(new float[] {0, 0}),
                    tf.constant(new float[0]),
                    tf.constant(new float[0]),
                    FusedBatchNorm.isTraining(true))
                .y();
    TfOracle.Exported e =
        TfOracle.exportLayer(tmp.resolve("training"), 35, new int[] {2, 3, 3, 2}, training);
    assertThatThrownBy(() -> SavedModelImporter.builder().batchSize(2).build().importModel(e.dir()))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("op FusedBatchNormV3")
        .hasMessageContaining("training mode")
        .hasMessageContaining("inference function");
  }

  private static List<Long> ones() {
    return List.of(1L, 1L, 1L, 1L);
  }

  /**
   * Keras 2's fused LayerNormalization over the last axis: rows = prod(shape[:-1]), features =
   * shape[-1]; x reshaped to [1, rows, features, 1]; FusedBatchNormV3 (NCHW, training) with scale
   * ones([rows]) and offset zeros([rows]); reshaped back; times gamma plus beta.
   */
  static Operand<TFloat32> norm(Ops tf, Random rnd, Operand<TFloat32> x) {
    Operand<TInt32> shape = tf.shape(x);
    Operand<TInt32> rows =
        tf.prod(
            tf.stridedSlice(
                shape,
                tf.constant(new int[] {0}),
                tf.constant(new int[] {-1}),
                tf.constant(new int[] {1})),
            tf.constant(new int[] {0}),
            Prod.keepDims(false));
    Operand<TInt32> features =
        tf.prod(
            tf.stridedSlice(
                shape,
                tf.constant(new int[] {-1}),
                tf.constant(new int[] {Integer.MAX_VALUE}),
                tf.constant(new int[] {1})),
            tf.constant(new int[] {0}),
            Prod.keepDims(false));
    Operand<TInt32> squeezed = tf.stack(List.of(tf.constant(1), rows, features, tf.constant(1)));
    Operand<TInt32> rowsVector = tf.reshape(rows, tf.constant(new int[] {1}));
    Operand<TFloat32> normalized =
        tf.withSubScope("layer_normalization")
            .nn
            .fusedBatchNorm(
                tf.reshape(x, squeezed),
                tf.fill(rowsVector, tf.constant(1f)),
                tf.fill(rowsVector, tf.constant(0f)),
                tf.constant(new float[0]),
                tf.constant(new float[0]),
                FusedBatchNorm.epsilon(1e-3f),
                FusedBatchNorm.dataFormat("NCHW"),
                FusedBatchNorm.isTraining(true))
            .y();
    Operand<TFloat32> gamma = weights(tf, rnd, "layer_normalization", "gamma", 0.5f, 8);
    Operand<TFloat32> beta = weights(tf, rnd, "layer_normalization", "beta", 0.5f, 8);
    return tf.math.add(tf.math.mul(tf.reshape(normalized, shape), gamma), beta);
  }
}
