package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.TfOracle.input;
import static dev.tinyml.savedmodel.TfOracle.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class SavedModelSummaryTest {
  @TempDir Path tmp;

  private static SavedModelSummary.SignatureSummary onlySignature(SavedModelSummary s) {
    assertThat(s.metaGraphs()).hasSize(1);
    assertThat(s.metaGraphs().get(0).signatures()).hasSize(1);
    return s.metaGraphs().get(0).signatures().get(0);
  }

  @Test
  void aKerasModelListsItsTensorsOpsAndTheTfliteModelItLowersTo() throws Exception {
    SavedModelSummary s =
        SavedModelSummary.read(Fixtures.path("savedmodel/keras_sequential_dense_mlp"));

    SavedModelSummary.SignatureSummary sig = onlySignature(s);
    assertThat(s.metaGraphs().get(0).tags()).containsExactly("serve");
    assertThat(sig.key()).isEqualTo("serving_default");
    assertThat(sig.lowers()).isTrue();
    assertThat(sig.inputs())
        .singleElement()
        .satisfies(t -> assertThat(t.shape()).containsExactly(-1, 5));
    assertThat(sig.ops()).allMatch(SavedModelSummary.OpUse::lowers);
    assertThat(sig.ops()).extracting(SavedModelSummary.OpUse::op).contains("MatMul", "Sigmoid");
    assertThat(sig.lowered().opCounts()).containsEntry("FULLY_CONNECTED", 3);
    assertThat(s.toText()).contains("Signature 'serving_default': lowers to TFLite");
  }

  @Test
  void everySignatureOfAMultiSignatureModelIsSummarised() throws Exception {
    SavedModelSummary s =
        SavedModelSummary.read(Fixtures.path("savedmodel/keras_subclass_multi_signature"));

    assertThat(s.metaGraphs().get(0).signatures()).hasSizeGreaterThan(1);
    assertThat(s.toJson()).contains("\"signatures\"");
  }

  @Test
  void anOpWithoutLoweringIsMarkedAndTheRestStillListed() throws Exception {
    Path dir =
        TfOracle.export(
                tmp.resolve("exp"),
                1,
                1,
                (tf, rnd) -> {
                  Placeholder<TFloat32> x = input(tf, "x", 1, 4);
                  Operand<TFloat32> y =
                      tf.withName("y")
                          .math
                          .exp(
                              tf.linalg.matMul(x, weights(tf, rnd, "dense", "kernel", 0.5f, 4, 2)));
                  return new TfOracle.Built(
                      Signature.builder().input("x", x).output("y", y).build(),
                      Map.of("x", x),
                      Map.of("x", new int[] {1, 4}));
                })
            .dir();

    SavedModelSummary summary = SavedModelSummary.read(dir);
    SavedModelSummary.SignatureSummary sig = onlySignature(summary);

    assertThat(summary.toText()).containsPattern("Exp +x1 +NO TFLite lowering");
    assertThat(sig.lowers()).isFalse();
    assertThat(sig.lowered()).isNull();
    assertThat(sig.problem()).contains("cannot lower to TFLite builtins").contains("op Exp");
    assertThat(sig.ops())
        .contains(
            new SavedModelSummary.OpUse("Exp", 1, false),
            new SavedModelSummary.OpUse("MatMul", 1, true));
  }

  @Test
  void aPathThatDoesNotExistIsSaidToNotExist() {
    Path missing = tmp.resolve("saved_model");

    assertThatThrownBy(() -> SavedModelSummary.read(missing))
        .isInstanceOf(SavedModelException.class)
        .hasMessageStartingWith(missing + " does not exist.");
  }
}
