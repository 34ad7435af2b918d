package dev.tinyml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupMetricsTest {

  @Test
  void ratesPerGroupAndTheGapsBetweenThem() {
    // Group b: actual T T F F, predicted T F T F. Group a: actual T F, predicted T T.
    // Group c: one actual negative, predicted negative (no positives: TPR undefined).
    String[] group = {"b", "b", "b", "b", "a", "a", "c"};
    boolean[] actual = {true, true, false, false, true, false, false};
    boolean[] predicted = {true, false, true, false, true, true, false};
    GroupMetrics m = GroupMetrics.of(group, actual, predicted);

    assertThat(m.groups()).extracting(GroupRates::group).containsExactly("a", "b", "c");
    assertThat(m.groups().get(0)).isEqualTo(new GroupRates("a", 2, 0.5, 1.0, 1.0, 1.0));
    assertThat(m.groups().get(1)).isEqualTo(new GroupRates("b", 4, 0.5, 0.5, 0.5, 0.5));
    GroupRates c = m.groups().get(2);
    assertThat(c.accuracy()).isEqualTo(1.0);
    assertThat(c.truePositiveRate()).isNaN();

    assertThat(m.demographicParityDifference()).isEqualTo(1.0); // a 1.0 vs c 0.0
    assertThat(m.equalOpportunityDifference()).isEqualTo(0.5); // c has no positives
    assertThat(m.accuracyDifference()).isEqualTo(0.5);
  }

  @Test
  void arraysMustHaveEqualLengthsAndEverySampleAGroup() {
    assertThatThrownBy(
            () -> GroupMetrics.of(new String[1], new boolean[] {true}, new boolean[] {true}))
        .hasMessageContaining("sample 0 has no group");
    assertThatThrownBy(() -> GroupMetrics.of(new String[] {"a"}, new boolean[2], new boolean[2]))
        .hasMessageContaining("1, 2, 2");
  }
}
