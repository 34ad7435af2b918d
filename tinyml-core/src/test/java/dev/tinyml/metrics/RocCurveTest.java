package dev.tinyml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocCurveTest {
  // Ranked by score: P P N P P N N. Of the 4 x 3 positive-negative pairs, 10 are ordered
  // correctly (3 + 3 + 2 + 2), so AUC = 10/12.
  private static final double[] SCORES = {0.9, 0.8, 0.7, 0.65, 0.6, 0.55, 0.4};
  private static final boolean[] POSITIVE = {true, true, false, true, true, false, false};

  @Test
  void aucOfAKnownRankingIsTheShareOfCorrectlyOrderedPairs() {
    assertThat(RocCurve.of(SCORES, POSITIVE).auc()).isCloseTo(10.0 / 12, within(1e-12));
  }

  @Test
  void pointsRunFromTheOriginToOneOneByDecreasingThreshold() {
    RocCurve c = RocCurve.of(SCORES, POSITIVE);
    assertThat(c.points()).hasSize(8);
    assertThat(c.points().get(0)).isEqualTo(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
    assertThat(c.points().get(2)).isEqualTo(new RocPoint(0.8, 0, 0.5));
    assertThat(c.points().get(3)).isEqualTo(new RocPoint(0.7, 1.0 / 3, 0.5));
    assertThat(c.points().get(7)).isEqualTo(new RocPoint(0.4, 1, 1));
    assertThat(c.positives()).isEqualTo(4);
    assertThat(c.negatives()).isEqualTo(3);
  }

  @Test
  void thresholdForAFalsePositiveBudgetMaximisesRecallWithinIt() {
    RocCurve c = RocCurve.of(SCORES, POSITIVE);
    assertThat(c.thresholdForFalsePositiveRate(0).threshold()).isEqualTo(0.8);
    assertThat(c.thresholdForFalsePositiveRate(0.34)).isEqualTo(new RocPoint(0.6, 1.0 / 3, 1));
    assertThatThrownBy(() -> c.thresholdForFalsePositiveRate(1.5)).hasMessageContaining("[0, 1]");
  }

  @Test
  void kneeIsThePointFarthestAboveTheDiagonal() {
    // Youden's J: 0.8 -> 0.5, 0.65 -> 0.417, 0.6 -> 0.667 (the largest).
    RocPoint knee = RocCurve.of(SCORES, POSITIVE).knee();
    assertThat(knee.threshold()).isEqualTo(0.6);
    assertThat(knee.youdenJ()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void tiedScoresFormOnePointAndCountHalf() {
    RocCurve c = RocCurve.of(new double[] {0.5, 0.5}, new boolean[] {true, false});
    assertThat(c.points()).hasSize(2);
    assertThat(c.auc()).isEqualTo(0.5);
  }

  @Test
  void perfectAndReversedRankings() {
    boolean[] labels = {true, false};
    assertThat(RocCurve.of(new double[] {1, 0}, labels).auc()).isEqualTo(1.0);
    assertThat(RocCurve.of(new double[] {0, 1}, labels).auc()).isEqualTo(0.0);
  }

  @Test
  void needsBothClassesAndFiniteScores() {
    assertThatThrownBy(() -> RocCurve.of(new double[] {1, 2}, new boolean[] {true, true}))
        .hasMessageContaining("2 positives and 0 negatives");
    assertThatThrownBy(() -> RocCurve.of(new double[] {Double.NaN, 2}, new boolean[] {true, false}))
        .hasMessageContaining("score 0 is NaN");
  }
}
