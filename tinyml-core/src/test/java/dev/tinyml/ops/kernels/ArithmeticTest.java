package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArithmeticTest {

  private static final int[] TWO = {2};

  @Test
  void int8AddRescalesThroughTwentyBitsAndRoundsTiesAway() {
    // output scale 2: (3 + 4) / 2 = 3.5 -> 4 and -3.5 -> -4
    Arithmetic.Plan p =
        Arithmetic.prepareQuantized(
            Arithmetic.Op.ADD, TWO, TWO, 1f, 0, 1f, 0, 2f, 0, Activation.NONE, false);
    assertThat(p.leftShift()).isEqualTo(20);
    byte[] out = new byte[2];
    Arithmetic.evalInt8(p, new byte[] {3, -3}, new byte[] {4, -4}, out);
    assertThat(out).containsExactly(4, -4);
  }

  @Test
  void int8AddSaturatesAndHonoursZeroPoints() {
    Arithmetic.Plan p =
        Arithmetic.prepareQuantized(
            Arithmetic.Op.ADD, TWO, TWO, 1f, 1, 1f, -1, 1f, 5, Activation.NONE, false);
    byte[] out = new byte[2];
    Arithmetic.evalInt8(p, new byte[] {100, 1}, new byte[] {100, -1}, out);
    assertThat(out).containsExactly(127, 5);
  }

  @Test
  void int8SubAndMul() {
    Arithmetic.Plan sub =
        Arithmetic.prepareQuantized(
            Arithmetic.Op.SUB, TWO, TWO, 1f, 0, 1f, 0, 1f, 0, Activation.NONE, false);
    byte[] out = new byte[2];
    Arithmetic.evalInt8(sub, new byte[] {5, -100}, new byte[] {7, 100}, out);
    assertThat(out).containsExactly(-2, -128);
    Arithmetic.Plan mul =
        Arithmetic.prepareQuantized(
            Arithmetic.Op.MUL, TWO, TWO, 0.5f, 1, 0.5f, 0, 0.25f, -2, Activation.NONE, false);
    Arithmetic.evalInt8(mul, new byte[] {4, -5}, new byte[] {5, 3}, out);
    assertThat(out).containsExactly(13, -20); // (4-1)*5 - 2, (-5-1)*3 - 2
  }

  @Test
  void floatBroadcastsAcrossMissingAndUnitDimensions() {
    Arithmetic.Plan p =
        Arithmetic.prepareFloat(
            Arithmetic.Op.ADD, new int[] {2, 1}, new int[] {3}, Activation.NONE);
    float[] out = new float[6];
    Arithmetic.evalFloat(p, new float[] {10, 20}, new float[] {1, 2, 3}, out);
    assertThat(out).containsExactly(11, 12, 13, 21, 22, 23);
  }

  @Test
  void incompatibleShapesAreRejected() {
    assertThatThrownBy(() -> Broadcast.of(new int[] {2, 3}, new int[] {4}))
        .hasMessageContaining("do not broadcast");
  }
}
