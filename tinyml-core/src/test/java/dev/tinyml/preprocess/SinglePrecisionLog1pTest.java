package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SinglePrecisionLog1pTest {

  @Test
  void zeroAndTinyArgumentsAreReturnedAsTheyAre() {
    // Below 2^-29 the result is x - x*x/2; for x = 2^-30 the correction 2^-61 is far below half
    // an ulp of x (2^-54), so x itself comes back; below 2^-54 x is returned directly.
    assertThat(SinglePrecisionLog1p.log1p(0f)).isZero();
    assertThat(SinglePrecisionLog1p.log1p(0x1p-30f)).isEqualTo(0x1p-30f);
    assertThat(SinglePrecisionLog1p.log1p(0x1p-60f)).isEqualTo(0x1p-60f);
  }

  @Test
  void onePlusXAPowerOfTwoGivesKTimesLn2() {
    // 1 + 1 = 2^1 exactly: f = 0 and the correction is 0, so the result is ln2_hi + ln2_lo
    // rounded, which is ln 2 in single precision; 1 + 3 = 2^2 doubles both parts exactly.
    assertThat(SinglePrecisionLog1p.log1p(1f)).isEqualTo((float) Math.log(2));
    assertThat(SinglePrecisionLog1p.log1p(3f)).isEqualTo(2 * (float) Math.log(2));
  }

  @Test
  void microSpeechUpperBandEdgeGetsTheCLibrarysValueNotTheCorrectlyRoundedOne() {
    // FreqToMel(7500 Hz) takes log1pf(7500/700): glibc 2.36's (fdlibm) log1pf returns
    // 0x1.3afbccp+1, one ulp above the correctly rounded 0x1.3afbcap+1. That ulp, through the
    // channel centres, moves two 12-bit filterbank weights of the micro_speech configuration.
    float x = 7500f / 700f;

    assertThat(SinglePrecisionLog1p.log1p(x)).isEqualTo(0x1.3afbccp+1f);
    assertThat((float) Math.log1p(x)).isEqualTo(0x1.3afbcap+1f);
  }

  @Test
  void negativeArgumentsAreRefused() {
    assertThatThrownBy(() -> SinglePrecisionLog1p.log1p(-0.5f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x >= 0");
  }
}
