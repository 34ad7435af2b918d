package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

  @Test
  void jsonHasTheFourFieldsInOrder() {
    String json = new EvaluationReport("t", "accuracy", 0.875, 0.8625, 80).json();
    assertThat(json.replaceAll("\\s", ""))
        .isEqualTo("{\"metric\":\"accuracy\",\"float\":0.875,\"int8\":0.8625,\"heldOut\":80}");
  }

  @Test
  void withoutAnInt8ModelTheScoreIsNullAndTheReportSaysWhy() {
    EvaluationReport report = new EvaluationReport("t", "auc", 0.95, null, 10);
    assertThat(report.json().replaceAll("\\s", "")).contains("\"int8\":null");
    assertThat(report.markdown()).contains("conversion skipped").contains("0.9500");
  }

  @Test
  void writesJsonReportAndPictures(@TempDir Path dir) throws Exception {
    new EvaluationReport("Title", "accuracy", 0.5, 0.5, 2)
        .section("Part", "text")
        .image("a.png", "a picture", new byte[] {1, 2, 3})
        .write(dir);
    assertThat(Files.readAllBytes(dir.resolve("a.png"))).containsExactly(1, 2, 3);
    assertThat(Files.readString(dir.resolve("evaluation.md")))
        .contains(
            "# Title", "## Part", "![a picture](a.png)", "50.00 %", "+0.00 percentage points");
    assertThat(dir.resolve("evaluation.json")).exists();
  }

  @Test
  void rejectsUnknownMetrics() {
    assertThatThrownBy(() -> new EvaluationReport("t", "f1", 1, 1.0, 1))
        .hasMessageContaining("accuracy or auc");
  }
}
