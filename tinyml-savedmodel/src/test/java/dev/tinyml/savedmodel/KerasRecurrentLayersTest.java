package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ImportCheck.importAndCompare;
import static dev.tinyml.savedmodel.ImportCheck.ops;
import static dev.tinyml.tflite.BuiltinOperator.FULLY_CONNECTED;
import static dev.tinyml.tflite.BuiltinOperator.LOGISTIC;
import static dev.tinyml.tflite.BuiltinOperator.PACK;
import static dev.tinyml.tflite.BuiltinOperator.SOFTMAX;
import static dev.tinyml.tflite.BuiltinOperator.SPLIT;
import static dev.tinyml.tflite.BuiltinOperator.SPLIT_V;
import static dev.tinyml.tflite.BuiltinOperator.TANH;
import static dev.tinyml.tflite.BuiltinOperator.TRANSPOSE;
import static dev.tinyml.tflite.BuiltinOperator.UNPACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.BuiltinOperator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.StatelessWhile;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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
        ops(
            importAndCompare(
                TfOracle.exportLayer(tmp.resolve("gru"), 51, new int[] {1, 5, 3}, gru)));
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
  void stackedGrusWithReturnSequencesMatchTensorFlow() throws Exception {
    // GRU(4, return_sequences=True) -> GRU(3): the first one's steps are stacked (PACK) and made
    // batch-major again before the second one takes them apart.
    TfOracle.Layer stacked =
        (tf, rnd, x) ->
            KerasModels.unrolledGru(
                tf.withSubScope("gru_1"),
                rnd,
                KerasModels.unrolledGruSequences(tf.withSubScope("gru"), rnd, x, 4, 2, 4),
                4,
                4,
                3);
    List<BuiltinOperator> ops =
        ops(
            importAndCompare(
                TfOracle.exportLayer(tmp.resolve("stacked"), 57, new int[] {1, 4, 2}, stacked)));
    assertThat(ops).contains(PACK, TRANSPOSE, UNPACK);
  }

  @Test
  void unrolledLstmMatchesTensorFlow() throws Exception {
    TfOracle.Layer lstm =
        (tf, rnd, x) -> KerasModels.unrolledLstm(tf.withSubScope("lstm"), rnd, x, 4, 3, 5);
    List<BuiltinOperator> ops =
        ops(
            importAndCompare(
                TfOracle.exportLayer(tmp.resolve("lstm"), 55, new int[] {1, 4, 3}, lstm)));
    assertThat(ops).contains(UNPACK, FULLY_CONNECTED, SPLIT, LOGISTIC, TANH);
  }

  @Test
  void conv1dGruKeywordModelMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.exportLayer(
            tmp.resolve("kws"), 53, KerasModels.KEYWORD_INPUT, KerasModels::keywordGru);
    assertThat(ops(importAndCompare(e))).contains(UNPACK, FULLY_CONNECTED, SOFTMAX);
  }

  @Test
  void aRecurrentLayerSavedAsAWhileLoopFailsNamingTheLayerAndUnroll() throws Exception {
    // Keras' default (unroll=False) runs the cell in a While loop over the time steps.
    ConcreteFunction cond =
        loopFunction((tf, i, h, sig) -> sig.output("more", tf.math.less(i, tf.constant(3))));
    ConcreteFunction body =
        loopFunction(
            (tf, i, h, sig) ->
                sig.output("i_next", tf.math.add(i, tf.constant(1)))
                    .output("h_next", tf.math.tanh(h)));
    TfOracle.Layer loop =
        (tf, rnd, x) -> {
          List<Operand<?>> start = List.of(tf.constant(0), x);
          StatelessWhile w =
              tf.withSubScope("gru").withName("while").statelessWhile(start, cond, body);
          return (Operand<TFloat32>) (Operand<?>) w.output().get(1);
        };
    TfOracle.Exported e = TfOracle.exportLayer(tmp.resolve("while"), 54, new int[] {1, 4}, loop);
    assertThatThrownBy(() -> SavedModelImporter.builder().build().importModel(e.dir()))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("op StatelessWhile, layer 'gru'")
        .hasMessageContaining("unroll=True");
  }

  /** Adds a loop function's outputs, in loop-variable order, from the counter i and state h. */
  @FunctionalInterface
  private interface LoopStep {
    Signature.Builder apply(
        Ops tf, Operand<TInt32> i, Operand<TFloat32> h, Signature.Builder outputs);
  }

  /** A While condition or body over the loop variables (i, h). */
  private static ConcreteFunction loopFunction(LoopStep step) {
    return ConcreteFunction.create(
        tf -> {
          Placeholder<TInt32> i = tf.placeholder(TInt32.class);
          Placeholder<TFloat32> h = tf.placeholder(TFloat32.class);
          return step.apply(tf, i, h, Signature.builder().input("i", i).input("h", h)).build();
        });
  }
}
