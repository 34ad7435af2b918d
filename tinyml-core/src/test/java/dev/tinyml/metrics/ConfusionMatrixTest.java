package dev.tinyml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  private static final List<String> LABELS = List.of("yes", "no", "unknown");

  /** Rows = actual: yes [5, 1, 0], no [2, 3, 1], unknown [0, 1, 4]; 17 samples, 12 correct. */
  private static ConfusionMatrix threeByThree() {
    long[][] cells = {{5, 1, 0}, {2, 3, 1}, {0, 1, 4}};
    List<Integer> actual = new ArrayList<>();
    List<Integer> predicted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < cells[i][j]; k++) {
          actual.add(i);
          predicted.add(j);
        }
      }
    }
    return ConfusionMatrix.of(
        LABELS,
        actual.stream().mapToInt(Integer::intValue).toArray(),
        predicted.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void countsAndAccuracyOfAHandFilledThreeByThreeMatrix() {
    ConfusionMatrix m = threeByThree();
    assertThat(m.counts()).isDeepEqualTo(new long[][] {{5, 1, 0}, {2, 3, 1}, {0, 1, 4}});
    assertThat(m.total()).isEqualTo(17);
    assertThat(m.accuracy()).isEqualTo(12.0 / 17);
  }

  @Test
  void perClassPrecisionRecallF1AndErrorRates() {
    ConfusionMatrix m = threeByThree();
    // yes: tp 5, fp 2 (column), fn 1 (row), tn 9.
    ClassMetrics yes = m.classMetrics(0);
    assertThat(yes.precision()).isCloseTo(5.0 / 7, within(1e-12));
    assertThat(yes.recall()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(yes.f1()).isCloseTo(10.0 / 13, within(1e-12));
    assertThat(yes.falsePositiveRate()).isCloseTo(2.0 / 11, within(1e-12));
    assertThat(yes.falseNegativeRate()).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(yes.support()).isEqualTo(6);
    // no: tp 3, fp 2, fn 3 -> precision 3/5, recall 1/2, F1 6/11.
    ClassMetrics no = m.classMetrics(1);
    assertThat(no.precision()).isCloseTo(0.6, within(1e-12));
    assertThat(no.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(no.f1()).isCloseTo(6.0 / 11, within(1e-12));
    // unknown: tp 4, fp 1, fn 1 -> 4/5 all round.
    ClassMetrics unknown = m.classMetrics(2);
    assertThat(unknown.f1()).isCloseTo(0.8, within(1e-12));
    assertThat(unknown.label()).isEqualTo("unknown");
  }

  @Test
  void macroAndWeightedAverages() {
    ConfusionMatrix m = threeByThree();
    assertThat(m.macroF1()).isCloseTo((10.0 / 13 + 6.0 / 11 + 0.8) / 3, within(1e-12));
    assertThat(m.macroPrecision()).isCloseTo((5.0 / 7 + 0.6 + 0.8) / 3, within(1e-12));
    assertThat(m.macroRecall()).isCloseTo((5.0 / 6 + 0.5 + 0.8) / 3, within(1e-12));
    assertThat(m.weightedF1())
        .isCloseTo((6 * 10.0 / 13 + 6 * 6.0 / 11 + 5 * 0.8) / 17, within(1e-12));
  }

  @Test
  void classNeverPredictedHasZeroPrecisionNotNaN() {
    ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {0, 0});
    assertThat(m.classMetrics(1).precision()).isZero();
    assertThat(m.classMetrics(1).f1()).isZero();
  }

  @Test
  void printsATableWithActualClassesAsRows() {
    String table = threeByThree().toString();
    assertThat(table.lines().toList()).hasSize(4);
    assertThat(table.lines().skip(2).findFirst().orElseThrow()).matches("\\s+no\\s+2\\s+3\\s+1");
  }

  @Test
  void rejectsUnknownClassesAndMismatchedArrays() {
    assertThatThrownBy(() -> ConfusionMatrix.of(LABELS, new int[] {3}, new int[] {0}))
        .hasMessageContaining("actual class 3 outside the 3 labels");
    assertThatThrownBy(() -> ConfusionMatrix.of(LABELS, new int[] {0}, new int[0]))
        .hasMessageContaining("1 actual classes but 0 predictions");
    assertThatThrownBy(() -> ConfusionMatrix.empty(List.of("a", "a")))
        .hasMessageContaining("distinct");
  }
}
