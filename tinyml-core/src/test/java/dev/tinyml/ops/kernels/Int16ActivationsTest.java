package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Int16ActivationsTest {

  @Test
  void theTableRunsFromOneHalfToAlmostOne() {
    assertThat(Int16Activations.table(0)).isEqualTo(32768);
    assertThat(Int16Activations.table(255)).isEqualTo(65535);
    for (int i = 1; i < 256; i++) {
      assertThat(Int16Activations.table(i)).isGreaterThanOrEqualTo(Int16Activations.table(i - 1));
    }
  }

  @Test
  void logisticOfQ312InputsGivesQ015() {
    int[] d = {0, 4096, -4096, 32767};
    Int16Activations.logistic(0, 0, d, 0, 4);
    assertThat(d[0]).isEqualTo(16384); // 0.5
    assertThat(d[1] / 32768.0).isCloseTo(1 / (1 + Math.exp(-1)), within(2e-4));
    assertThat(d[1] + d[2]).isBetween(32767, 32768);
    assertThat(d[3] / 32768.0).isCloseTo(1 / (1 + Math.exp(-32767 / 4096.0)), within(2e-4));
  }

  @Test
  void tanhIsZeroAtZeroAndOdd() {
    int[] in = {0, 2048, -2048};
    int[] out = new int[3];
    Int16Activations.tanh(0, 0, in, 0, out, 0, 3);
    assertThat(out[0]).isZero();
    assertThat(out[1] / 32768.0).isCloseTo(Math.tanh(0.5), within(2e-4));
    assertThat(out[2]).isBetween(-out[1] - 1, -out[1] + 1);
  }

  @Test
  void tanhWithARightShiftRoundsTheScaledInput() {
    // cell scale 2^-16: shift (15 - 16) - 3 = -4 becomes multiplier 3 with right shift 4
    int[] in = {16384}; // 0.25 at 2^-16
    int[] out = new int[1];
    Int16Activations.tanh(3, 4, in, 0, out, 0, 1);
    assertThat(out[0] / 32768.0).isCloseTo(Math.tanh(0.25), within(2e-4));
  }
}
