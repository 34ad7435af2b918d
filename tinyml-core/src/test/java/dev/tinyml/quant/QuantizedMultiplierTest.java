package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantizedMultiplierTest {

  @Test
  void halfIsTwoToThe30WithNoShift() {
    assertThat(QuantizedMultiplier.of(0.5)).isEqualTo(new QuantizedMultiplier(1 << 30, 0));
  }

  @Test
  void oneIsTwoToThe30ShiftedLeftOnce() {
    assertThat(QuantizedMultiplier.of(1.0)).isEqualTo(new QuantizedMultiplier(1 << 30, 1));
  }

  @Test
  void threeQuartersAndSmallMultipliers() {
    assertThat(QuantizedMultiplier.of(0.75)).isEqualTo(new QuantizedMultiplier(1610612736, 0));
    // 0.0034 = 0.8704 * 2^-8; 0.8704 * 2^31 = 1869169767.0144 -> 1869169767.
    assertThat(QuantizedMultiplier.of(0.0034)).isEqualTo(new QuantizedMultiplier(1869169767, -8));
    assertThat(QuantizedMultiplier.of(-0.75)).isEqualTo(new QuantizedMultiplier(-1610612736, 0));
  }

  @Test
  void fractionRoundingUpToTwoToThe31IsHalvedAndTheShiftBumped() {
    double justBelowOne = 1.0 - Math.scalb(1.0, -40);
    assertThat(QuantizedMultiplier.of(justBelowOne)).isEqualTo(new QuantizedMultiplier(1 << 30, 1));
  }

  @Test
  void tiesRoundAwayFromZero() {
    double tie = 0.5 + Math.scalb(1.0, -32); // fraction * 2^31 = 2^30 + 0.5
    assertThat(QuantizedMultiplier.of(tie).multiplier()).isEqualTo((1 << 30) + 1);
    assertThat(QuantizedMultiplier.of(-tie).multiplier()).isEqualTo(-(1 << 30) - 1);
  }

  @Test
  void zeroAndMultipliersBelowTwoToTheMinus31FlushToZero() {
    assertThat(QuantizedMultiplier.of(0)).isEqualTo(new QuantizedMultiplier(0, 0));
    assertThat(QuantizedMultiplier.of(Math.scalb(1.0, -40)))
        .isEqualTo(new QuantizedMultiplier(0, 0));
    // 2^-32 = 0.5 * 2^-31: the smallest value that survives.
    assertThat(QuantizedMultiplier.of(Math.scalb(1.0, -32)))
        .isEqualTo(new QuantizedMultiplier(1 << 30, -31));
  }

  @Test
  void roundTripsWithinOnePartInTwoToThe31() {
    for (double m : new double[] {1e-5, 0.001234, 0.3, 0.999, 1.7, 12345.678}) {
      QuantizedMultiplier q = QuantizedMultiplier.of(m);
      assertThat(Math.abs(q.toDouble() - m) / m).isLessThan(Math.scalb(1.0, -30));
    }
  }
}
