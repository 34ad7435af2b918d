package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.metrics.ConfusionMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierScoresTest {

  private static final List<String> LABELS = List.of("no", "yes");

  /** Float model: three of four right; no int8 model. */
  private static ClassifierScores floatOnly() {
    ConfusionMatrix matrix =
        ConfusionMatrix.of(LABELS, new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
    return new ClassifierScores(
        matrix, null, Map.of("dense0_kernel", new float[] {-1, 0, 1, 2}), null);
  }

  @Test
  void reportHeadlineIsTheAccuracyOnEveryScoredExample() {
    String json = floatOnly().report("t").json().replaceAll("\\s", "");

    assertThat(json)
        .isEqualTo("{\"metric\":\"accuracy\",\"float\":0.75,\"int8\":null,\"heldOut\":4}");
  }

  @Test
  void addsConfusionMatricesAndWeightHistogramsOfTheFloatModel(@TempDir Path dir) throws Exception {
    ClassifierScores scores = floatOnly();
    scores.addConfusionMatricesAndWeights(scores.report("t")).write(dir);

    assertThat(Files.readString(dir.resolve("evaluation.md")))
        .contains(
            "## Confusion matrices",
            "![confusion matrix, float](confusion-float.png)",
            "![weights-float-dense0_kernel.png](weights-float-dense0_kernel.png)")
        .doesNotContain("Int8 model", "confusion-int8.png");
    assertThat(dir.resolve("confusion-float.png")).isRegularFile();
    assertThat(dir.resolve("weights-float-dense0_kernel.png")).isRegularFile();
  }
}
