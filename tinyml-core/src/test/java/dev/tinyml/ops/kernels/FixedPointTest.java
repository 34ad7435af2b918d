package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FixedPointTest {

  private static final int HALF = 1 << 30; // 0.5 in Q0.31

  @Test
  void quantizeMultiplierSplitsIntoQ31SignificandAndExponent() {
    assertThat(FixedPoint.quantizeMultiplier(0.5)).isEqualTo(new FixedPoint.Multiplier(HALF, 0));
    assertThat(FixedPoint.quantizeMultiplier(1.0)).isEqualTo(new FixedPoint.Multiplier(HALF, 1));
    assertThat(FixedPoint.quantizeMultiplier(0.75))
        .isEqualTo(new FixedPoint.Multiplier(1610612736, 0));
    assertThat(FixedPoint.quantizeMultiplier(3.0 / 1024))
        .isEqualTo(new FixedPoint.Multiplier(1610612736, -8));
    assertThat(FixedPoint.quantizeMultiplier(0.0)).isEqualTo(new FixedPoint.Multiplier(0, 0));
  }

  @Test
  void quantizeMultiplierHalvesASignificandThatRoundsUpTo2To31() {
    // 1 - 2^-40 has frexp significand 1 - 2^-40, and (1 - 2^-40) * 2^31 rounds to 2^31.
    assertThat(FixedPoint.quantizeMultiplier(1.0 - Math.scalb(1.0, -40)))
        .isEqualTo(new FixedPoint.Multiplier(HALF, 1));
  }

  @Test
  void quantizeMultiplierFlushesExponentsBelowMinus31ToZero() {
    assertThat(FixedPoint.quantizeMultiplier(Math.scalb(1.0, -40)))
        .isEqualTo(new FixedPoint.Multiplier(0, 0));
  }

  @Test
  void quantizeMultiplierRoundsTheSignificandHalfAwayFromZero() {
    // q = 0.5 + 2^-32 -> q * 2^31 = 2^30 + 0.5 -> 2^30 + 1
    assertThat(FixedPoint.quantizeMultiplier(0.5 + Math.scalb(1.0, -32)).multiplier())
        .isEqualTo(HALF + 1);
  }

  @Test
  void saturatingRoundingDoublingHighMulRoundsHalvesUpAndSaturatesMinTimesMin() {
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(1, HALF)).isEqualTo(1); // 0.5 -> 1
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(-1, HALF)).isEqualTo(0); // -0.5 -> 0
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(-3, HALF)).isEqualTo(-1); // -1.5 -> -1
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(HALF, HALF)).isEqualTo(1 << 29);
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE))
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isEqualTo(-Integer.MAX_VALUE);
  }

  @Test
  void roundingDivideByPotRoundsHalvesAwayFromZero() {
    assertThat(FixedPoint.roundingDivideByPot(5, 1)).isEqualTo(3);
    assertThat(FixedPoint.roundingDivideByPot(-5, 1)).isEqualTo(-3);
    assertThat(FixedPoint.roundingDivideByPot(6, 2)).isEqualTo(2);
    assertThat(FixedPoint.roundingDivideByPot(-6, 2)).isEqualTo(-2);
    assertThat(FixedPoint.roundingDivideByPot(-7, 2)).isEqualTo(-2);
    assertThat(FixedPoint.roundingDivideByPot(7, 0)).isEqualTo(7);
    assertThat(FixedPoint.roundingDivideByPot(Integer.MIN_VALUE, 31)).isEqualTo(-1);
  }

  @Test
  void multiplyByQuantizedMultiplierRoundsTwiceLikeTflm() {
    // 5 * 0.25: the high multiply gives 2.5 -> 3, the shift gives 1.5 -> 2 (single rounding: 1).
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(5, HALF, -1)).isEqualTo(2);
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(100, HALF, 0)).isEqualTo(50);
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(3, HALF, 2)).isEqualTo(6);
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(-5, HALF, -1)).isEqualTo(-1);
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(3, HALF, 1, 1)).isEqualTo(2);
  }

  @Test
  void multiplyByQuantizedMultiplierVariantsAgreeWithTheGeneralOne() {
    for (int x : new int[] {-1000, -7, -1, 0, 1, 9, 12345}) {
      assertThat(FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(x, 1518500250, -3))
          .isEqualTo(FixedPoint.multiplyByQuantizedMultiplier(x, 1518500250, -3));
      assertThat(FixedPoint.multiplyByQuantizedMultiplierGreaterThanOne(x, 1518500250, 3))
          .isEqualTo(FixedPoint.multiplyByQuantizedMultiplier(x, 1518500250, 3));
    }
  }

  @Test
  void sixtyFourBitMultiplyUsesA16BitMultiplierAndOneRounding() {
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(1000L, HALF, 0)).isEqualTo(500);
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(-3L, HALF, 0)).isEqualTo(-1); // -1.5
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(3L, HALF, 0)).isEqualTo(2); // 1.5
    // multipliers at or above 0x7FFF0000 saturate to 0x7FFF: 2^40 * 32767 / 2^35
    assertThat(FixedPoint.multiplyByQuantizedMultiplier(1L << 40, Integer.MAX_VALUE, -20))
        .isEqualTo(32 * 32767);
  }

  @Test
  void saturatingMultiplyByPotSaturatesLeftShifts() {
    assertThat(FixedPoint.saturatingRoundingMultiplyByPot(1 << 29, 1)).isEqualTo(1 << 30);
    assertThat(FixedPoint.saturatingRoundingMultiplyByPot(1 << 30, 1)).isEqualTo(Integer.MAX_VALUE);
    assertThat(FixedPoint.saturatingRoundingMultiplyByPot(-(1 << 30) - 1, 1))
        .isEqualTo(Integer.MIN_VALUE);
    assertThat(FixedPoint.saturatingRoundingMultiplyByPot(-5, -1)).isEqualTo(-3);
  }

  @Test
  void expOnNegativeValuesIsOneAtZeroAndAccurateBelow() {
    assertThat(FixedPoint.expOnNegativeValues(0, 5)).isEqualTo(Integer.MAX_VALUE);
    for (double x : new double[] {-0.1, -0.25, -1.0, -2.5, -7.0, -20.0}) {
      int raw = (int) Math.round(x * (1 << 26)); // Q5.26
      double got = FixedPoint.expOnNegativeValues(raw, 5) / 2147483648.0;
      assertThat(got).as("exp(%s)", x).isCloseTo(Math.exp(x), within(5e-7));
    }
  }

  @Test
  void expOnNegativeValuesIsZeroBelowMinus32WhenTheFormatReachesThere() {
    int minus33InQ6 = -33 << 25;
    assertThat(FixedPoint.expOnNegativeValues(minus33InQ6, 6)).isZero();
  }

  @Test
  void oneOverOnePlusXIsAccurateOnTheUnitInterval() {
    for (double x : new double[] {0.0, 0.25, 0.5, 0.9}) {
      int raw = (int) Math.min(Integer.MAX_VALUE, Math.round(x * 2147483648.0));
      double got = FixedPoint.oneOverOnePlusXForXIn01(raw) / 2147483648.0;
      assertThat(got).isCloseTo(1 / (1 + x), within(1e-8));
    }
  }

  @Test
  void logisticIsOneHalfAtZeroAndSymmetric() {
    assertThat(FixedPoint.logistic(0, 4)).isEqualTo(HALF);
    int two = 2 << 27; // 2.0 in Q4.27
    int pos = FixedPoint.logistic(two, 4);
    int neg = FixedPoint.logistic(-two, 4);
    // gemmlowp's polynomial and Newton steps are good to a few 1e-7
    assertThat(pos / 2147483648.0).isCloseTo(1 / (1 + Math.exp(-2)), within(5e-7));
    assertThat((long) pos + neg).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void tanhIsZeroAtZeroAndOdd() {
    assertThat(FixedPoint.tanh(0, 4)).isZero();
    int half = 1 << 26; // 0.5 in Q4.27
    assertThat(FixedPoint.tanh(half, 4) / 2147483648.0).isCloseTo(Math.tanh(0.5), within(5e-7));
    assertThat(FixedPoint.tanh(-half, 4)).isEqualTo(-FixedPoint.tanh(half, 4));
  }

  @Test
  void getReciprocalNormalisesTheSumAndReportsBitsOverUnit() {
    int[] bits = new int[1];
    // 3.0 in Q12.19: headroom 10, so 1 bit over unit, scale = 1 / 1.5.
    int scale = FixedPoint.getReciprocal(3 << 19, 12, bits);
    assertThat(bits[0]).isEqualTo(1);
    assertThat(scale / 2147483648.0).isCloseTo(1 / 1.5, within(1e-8));
  }

  @Test
  void inputRadiusAndSoftmaxScalingFollowTfliteFormulas() {
    assertThat(FixedPoint.calculateInputRadius(4, 27, 31)).isEqualTo(15);
    assertThat(FixedPoint.calculateInputRadius(5, 26, 31)).isEqualTo(31);
    assertThat(FixedPoint.calculateInputRadius(5, 30, 31)).isEqualTo(1);
    assertThat(FixedPoint.preprocessSoftmaxScaling(1.0, 0.5, 5))
        .isEqualTo(new FixedPoint.Multiplier(HALF, 26));
    // capped at 2^31 - 1
    assertThat(FixedPoint.preprocessSoftmaxScaling(1.0, 1e9, 5).shift()).isEqualTo(31);
  }

  @Test
  void roundHalfAwayMatchesCRound() {
    assertThat(FixedPoint.roundHalfAway(2.5)).isEqualTo(3.0);
    assertThat(FixedPoint.roundHalfAway(-2.5)).isEqualTo(-3.0);
    assertThat(FixedPoint.roundHalfAway(0.49999999999999994)).isEqualTo(0.0);
    assertThat(FixedPoint.roundHalfAway(2.5f)).isEqualTo(3f);
    assertThat(FixedPoint.roundHalfAway(-0.5f)).isEqualTo(-1f);
    assertThat(FixedPoint.roundHalfAway(0.49999997f)).isEqualTo(0f);
  }

  @Test
  void clampsSaturateToIntegerTypes() {
    assertThat(FixedPoint.clampInt8(200)).isEqualTo(127);
    assertThat(FixedPoint.clampInt8(-200)).isEqualTo(-128);
    assertThat(FixedPoint.clampInt16(40000)).isEqualTo(32767);
    assertThat(FixedPoint.clampInt16(-40000)).isEqualTo(-32768);
  }
}
