package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorStatsTest {

  @Test
  void oneUnitErrorInFourValues() {
    ErrorStats s = ErrorStats.of(new float[] {1, 2, 3, 4}, new float[] {1, 2, 3, 5});
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.maxAbsError()).isEqualTo(1.0);
    assertThat(s.mse()).isEqualTo(0.25);
    // signal 1 + 4 + 9 + 16 = 30, noise 1: 10 log10(30) = 14.7712 dB.
    assertThat(s.sqnrDb()).isCloseTo(14.771212547, within(1e-9));
  }

  @Test
  void equalArraysHaveInfiniteSqnrAndZeroSignalWithNoiseMinusInfinite() {
    assertThat(ErrorStats.of(new float[] {1, 2}, new float[] {1, 2}).sqnrDb())
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(ErrorStats.of(new float[] {0}, new float[] {1}).sqnrDb())
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void accumulatorMergesBatches() {
    ErrorStats.Accumulator a = new ErrorStats.Accumulator();
    a.add(new float[] {1, 2}, new float[] {1, 2}, 0, 2);
    ErrorStats.Accumulator b = new ErrorStats.Accumulator();
    b.add(new float[] {3, 4}, new float[] {3, 5}, 0, 2);
    a.add(b);
    assertThat(a.result())
        .isEqualTo(ErrorStats.of(new float[] {1, 2, 3, 4}, new float[] {1, 2, 3, 5}));
  }

  @Test
  void lengthsMustMatch() {
    assertThatThrownBy(() -> ErrorStats.of(new float[2], new float[3]))
        .hasMessageContaining("2 reference values with 3");
  }

  @Test
  void histogramCountsValuesIntoEqualBinsIncludingTheMaximum() {
    Histogram h = Histogram.of(new float[] {0, 0.5f, 1, 2, 4}, 4);
    assertThat(h.min()).isZero();
    assertThat(h.max()).isEqualTo(4);
    assertThat(h.binWidth()).isEqualTo(1);
    assertThat(h.counts()).containsExactly(2, 1, 1, 1);
    assertThat(h.total()).isEqualTo(5);
    assertThatThrownBy(() -> Histogram.of(new float[0], 3)).hasMessageContaining("no values");
  }
}
