package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogisticTest {

  @Test
  void int8InputRadiusComesFromTheFrexpShift() {
    // 0.1 * 2^27 = 0.8 * 2^24 -> shift 24, radius 15 * 2^27 / 2^24 = 120
    Logistic.Plan p = Logistic.prepareInt8(0.1f, 0);
    assertThat(p.inputLeftShift()).isEqualTo(24);
    assertThat(p.inputRangeRadius()).isEqualTo(120);
  }

  @Test
  void int8LogisticIsOneHalfAtTheZeroPointAndSaturatesBeyondTheRadius() {
    Logistic.Plan p = Logistic.prepareInt8(0.1f, 5);
    byte[] out = new byte[4];
    Logistic.logisticInt8(p, new byte[] {5, 125, -115, 15}, out, 4);
    // x=1.0: 256 * 0.7310586 = 187.15 -> 187 - 128 = 59
    assertThat(out).containsExactly(0, 127, -128, 59);
  }

  @Test
  void int8TanhIsOddAroundTheZeroPoint() {
    Logistic.Plan p = Logistic.prepareInt8(0.1f, 0);
    byte[] out = new byte[3];
    Logistic.tanhInt8(p, new byte[] {0, 5, -5}, out, 3);
    // tanh(0.5) * 128 = 59.18 -> 59
    assertThat(out).containsExactly(0, 59, -59);
  }

  @Test
  void floatLogisticUsesTheReferenceCutoffs() {
    float[] out = new float[3];
    Logistic.logisticFloat(new float[] {0f, 20f, -10f}, out, 3);
    assertThat(out).containsExactly(0.5f, 1.0f, (float) Math.exp(-10));
  }

  @Test
  void floatTanh() {
    float[] out = new float[2];
    Logistic.tanhFloat(new float[] {0f, 1f}, out, 2);
    assertThat(out).containsExactly(0f, (float) Math.tanh(1));
  }
}
