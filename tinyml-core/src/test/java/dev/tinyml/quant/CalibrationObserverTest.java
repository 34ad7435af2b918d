package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationObserverTest {

  @Test
  void minMaxKeepsTheExtremesOfAllBatches() {
    RangeObserver o = CalibrationMethod.minMax().newObserver();
    o.observe(new float[] {1, -2});
    o.observe(new float[] {3});
    assertThat(o.range()).isEqualTo(new Range(-2, 3));
    assertThat(o.count()).isEqualTo(3);
  }

  @Test
  void movingAverageStartsAtTheFirstBatchAndMovesByTheConstant() {
    RangeObserver o = CalibrationMethod.movingAverageMinMax(0.5).newObserver();
    o.observe(new float[] {0, 4});
    o.observe(new float[] {-2, 2});
    // min = 0 + 0.5 * (-2 - 0) = -1, max = 4 + 0.5 * (2 - 4) = 3.
    assertThat(o.range()).isEqualTo(new Range(-1, 3));
  }

  @Test
  void percentileClipsAtBinEdges() {
    // Values 0..99 plus 1024: the histogram radius is 1024, so bins are exactly 1 wide.
    float[] v = new float[101];
    for (int i = 0; i < 100; i++) {
      v[i] = i;
    }
    v[100] = 1024;
    RangeObserver o = CalibrationMethod.percentile(99).newObserver();
    o.observe(v);
    // Upper: 99% of 101 = 99.99 values are reached in the bin of 99 -> its upper edge 100.
    // Lower: more than 1% (1.01) first happens in the bin of 1 -> its lower edge 1.
    assertThat(o.range()).isEqualTo(new Range(1, 100));
  }

  @Test
  void histogramGrowsItsRangeWithoutLosingEarlierValues() {
    RangeObserver o = CalibrationMethod.percentile(100).newObserver();
    o.observe(new float[] {1});
    o.observe(new float[] {3});
    assertThat(o.range()).isEqualTo(new Range(1, 3));
  }

  @Test
  void mseOptimalKeepsAUniformRange() {
    Random r = new Random(7);
    float[] v = new float[100_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextFloat() * 2 - 1;
    }
    RangeObserver o = CalibrationMethod.mseOptimal().newObserver();
    o.observe(v);
    assertThat(o.range().max()).isGreaterThan(0.95f);
    assertThat(o.range().min()).isLessThan(-0.95f);
  }

  @Test
  void mseOptimalClipsALoneOutlierWhenRoundingErrorOfAMillionValuesOutweighsIt() {
    // Full range [-1, 5]: step 6/255, rounding error 1e6 * step^2 / 12 = 46. Clipping at about 1
    // costs (5 - 1)^2 = 16 for the outlier plus 1e6 * (2/255)^2 / 12 = 5 for the rest.
    Random r = new Random(7);
    float[] v = new float[1_000_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextFloat() * 2 - 1;
    }
    v[0] = 5;
    RangeObserver o = CalibrationMethod.mseOptimal().newObserver();
    o.observe(v);
    assertThat(o.range().max()).isBetween(0.9f, 2f);
    assertThat(o.range().min()).isLessThan(-0.9f);
  }

  @Test
  void entropyClipsTheLongTailOfAGaussian() {
    Random r = new Random(11);
    float[] v = new float[50_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    v[0] = 40;
    RangeObserver o = CalibrationMethod.entropy().newObserver();
    o.observe(v);
    Range range = o.range();
    assertThat(range.max()).isBetween(3f, 10f);
    assertThat(range.min()).isBetween(-range.max(), -3f);
  }

  @Test
  void entropyOnNonNegativeDataStaysOneSided() {
    Random r = new Random(3);
    float[] v = new float[20_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.abs(r.nextGaussian());
    }
    RangeObserver o = CalibrationMethod.entropy().newObserver();
    o.observe(v);
    assertThat(o.range().min()).isLessThan(1e-3f);
    assertThat(o.range().max()).isBetween(1.5f, 6f);
  }

  @Test
  void klDivergenceOfAHandComputedPair() {
    // P = [3, 1] / 4, Q = both bins merged into one level and spread evenly = [0.5, 0.5]:
    // KL = 0.75 ln 1.5 + 0.25 ln 0.5 = 0.130812.
    assertThat(HistogramObserver.klDivergence(new double[] {3, 1}, 2, 1))
        .isCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), within(1e-12));
    assertThat(HistogramObserver.klDivergence(new double[] {1, 1}, 2, 2)).isZero();
  }

  @Test
  void allZeroTensorCalibratesToAZeroRange() {
    for (CalibrationMethod m :
        new CalibrationMethod[] {
          CalibrationMethod.minMax(),
          CalibrationMethod.movingAverageMinMax(0.01),
          CalibrationMethod.percentile(99.9),
          CalibrationMethod.mseOptimal(),
          CalibrationMethod.entropy()
        }) {
      RangeObserver o = m.newObserver();
      o.observe(new float[] {0, 0, 0});
      assertThat(o.range()).as(m.toString()).isEqualTo(new Range(0, 0));
      assertThat(o.method()).isEqualTo(m);
    }
  }

  @Test
  void nanInCalibrationDataIsRejectedNamingTheIndex() {
    RangeObserver o = CalibrationMethod.mseOptimal().newObserver();
    assertThatThrownBy(() -> o.observe(new float[] {1, Float.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 1")
        .hasMessageContaining("NaN");
  }

  @Test
  void rangeBeforeAnyValueIsAnError() {
    assertThatThrownBy(() -> CalibrationMethod.minMax().newObserver().range())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no values observed");
  }

  @Test
  void planChoosesPerTensorOverridesOverTheDefault() {
    CalibrationPlan plan =
        CalibrationPlan.of(CalibrationMethod.minMax())
            .withTensor("conv1/Relu", CalibrationMethod.percentile(99.99));
    assertThat(plan.methodFor("conv1/Relu")).isEqualTo(CalibrationMethod.percentile(99.99));
    assertThat(plan.methodFor("dense")).isEqualTo(CalibrationMethod.minMax());
    assertThatThrownBy(() -> CalibrationMethod.percentile(40)).hasMessageContaining("(50, 100]");
  }
}
