package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ImportCheck.importAndCompare;
import static dev.tinyml.savedmodel.ImportCheck.ops;
import static dev.tinyml.tflite.BuiltinOperator.FULLY_CONNECTED;
import static dev.tinyml.tflite.BuiltinOperator.LOGISTIC;
import static dev.tinyml.tflite.BuiltinOperator.SOFTMAX;
import static dev.tinyml.tflite.BuiltinOperator.SPLIT;
import static dev.tinyml.tflite.BuiltinOperator.SPLIT_V;
import static dev.tinyml.tflite.BuiltinOperator.TANH;
import static dev.tinyml.tflite.BuiltinOperator.UNPACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.BuiltinOperator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras recurrent layers saved with {@code unroll=True}: their per-step MatMul, BiasAdd, Split,
 * Sigmoid, Tanh, Mul and Add ops lower to FULLY_CONNECTED and activations and match TensorFlow
 * within 1e-5.
 */
class KerasRecurrentLayersTest {
  @TempDir Path tmp;

  @Test
  void unrolledGruWithResetAfterMatchesTensorFlow() throws Exception {
    TfOracle.Layer gru =
        (tf, rnd, x) -> KerasModels.unrolledGru(tf.withSubScope("gru"), rnd, x, 5, 3, 4);
    List<BuiltinOperator> ops =
        ops(importAndCompare(TfOracle.exportLayer(tmp.resolve("gru"), 51, new int[] {1, 5, 3}, gru)));
    assertThat(ops).contains(UNPACK, FULLY_CONNECTED, SPLIT, SPLIT_V, LOGISTIC, TANH);
    // The first step's recurrent product of the zero state folds: 5 input and 4 recurrent FCs.
    assertThat(ops.stream().filter(o -> o == FULLY_CONNECTED)).hasSize(9);
  }

  @Test
  void unrolledGruOverABatchOfTwoMatchesTensorFlow() throws Exception {
    TfOracle.Layer gru =
        (tf, rnd, x) -> KerasModels.unrolledGru(tf.withSubScope("gru"), rnd, x, 3, 2, 3);
    TfOracle.Exported e = TfOracle.exportLayer(tmp.resolve("gru2"), 52, new int[] {2, 3, 2}, gru);
    ImportResult r = SavedModelImporter.builder().batchSize(2).build().importModel(e.dir());
    for (TfOracle.Case c : e.cases()) {
      float[] out = FloatRunner.run(r.model(), c.inputs().get("x"))[0];
      assertThat(FloatRunner.maxRelativeError(out, c.outputs().get("y")))
          .isLessThanOrEqualTo(ImportCheck.TOLERANCE);
    }
  }

  @Test
  void conv1dGruKeywordModelMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.exportLayer(
            tmp.resolve("kws"), 53, KerasModels.KEYWORD_INPUT, KerasModels::keywordGru);
    assertThat(ops(importAndCompare(e))).contains(UNPACK, FULLY_CONNECTED, SOFTMAX);
  }
}
