package dev.tinyml.examples.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirmwareScoreTest {

  @Test
  void strictThresholdFlagsExactlyTheScoresAtOrAboveTheKnee() {
    float[] errors = {0.001f, 0.004f, 0.002f, 0.003f};
    float t = FirmwareScore.strictThreshold(errors, 0.003);
    assertThat(t).isGreaterThan(0.002f).isLessThan(0.003f);
    assertThat(FirmwareScore.alarm(0.003f, t)).isTrue();
    assertThat(FirmwareScore.alarm(0.004f, t)).isTrue();
    assertThat(FirmwareScore.alarm(0.002f, t)).isFalse();
  }

  @Test
  void kneeAtTheLowestScoreStillFlagsIt() {
    float[] errors = {0.5f, 0.7f};
    float t = FirmwareScore.strictThreshold(errors, 0.5);
    assertThat(FirmwareScore.alarm(0.5f, t)).isTrue();
  }

  @Test
  void cppLiteralReadsBackToTheSameFloat() {
    float t = 9.3989936E-4f;
    String literal = FirmwareScore.cppLiteral(t);
    assertThat(literal).isEqualTo("9.3989936E-4f");
    assertThat(FirmwareScore.parseCppLiteral(literal)).isEqualTo(t);
  }
}
