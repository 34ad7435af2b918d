package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Int16 pooling on TFLM's pooling_test.cc int16 cases: a {@code [1, 2, 4, 1]} input, a 2x2 window,
 * input and output sharing scale and zero point 0.
 */
class PoolingInt16Test {

  private static final int[] INPUT_SHAPE = {1, 2, 4, 1};
  private static final short[] AVERAGE_INPUT = {0, -24, 8, 16, 12, 8, -40, 28};
  private static final short[] AVERAGE_RELU6_INPUT = {12, -24, 32, 16, 12, 8, 40, 28};

  private static Pooling.Plan plan(
      int outH, int outW, boolean same, int strideH, int strideW, Activation act, float scale) {
    return Pooling.prepare(
        INPUT_SHAPE,
        new int[] {1, outH, outW, 1},
        same,
        2,
        2,
        strideH,
        strideW,
        act,
        new ConvParams.Quantization(0, scale, 0, null, Short.MIN_VALUE, Short.MAX_VALUE));
  }

  private static short[] average(Pooling.Plan p, short[] in) {
    short[] out = new short[p.outH() * p.outW()];
    Pooling.averageInt16(p, in, out);
    return out;
  }

  private static short[] max(Pooling.Plan p, short[] in) {
    short[] out = new short[p.outH() * p.outW()];
    Pooling.maxInt16(p, in, out);
    return out;
  }

  @Test
  void averageValidStride2RoundsHalvesAwayFromZero() {
    Pooling.Plan p = plan(1, 2, false, 2, 2, Activation.NONE, 0.25f);
    assertThat(average(p, AVERAGE_INPUT)).containsExactly((short) -1, (short) 3);
  }

  @Test
  void averageStride2By1WithReluClampsAtZero() {
    Pooling.Plan p = plan(1, 3, false, 2, 1, Activation.RELU, 0.25f);
    assertThat(average(p, AVERAGE_INPUT)).containsExactly((short) 0, (short) 0, (short) 3);
  }

  @Test
  void averageStride1By2WithReluN1To1StaysInsideMinusFourToFour() {
    Pooling.Plan p = plan(1, 2, false, 1, 2, Activation.RELU_N1_TO_1, 0.25f);
    assertThat(average(p, AVERAGE_INPUT)).containsExactly((short) -1, (short) 3);
  }

  @Test
  void averageWithRelu6ClampsAtSixOverTheScale() {
    Pooling.Plan p = plan(1, 2, false, 2, 2, Activation.RELU6, 0.25f);
    assertThat(average(p, AVERAGE_RELU6_INPUT)).containsExactly((short) 2, (short) 24);
  }

  @Test
  void averageStride1DividesByTheTapsInsideTheImage() {
    Pooling.Plan p = plan(2, 4, true, 1, 1, Activation.NONE, 0.25f);
    assertThat(average(p, AVERAGE_RELU6_INPUT))
        .containsExactly(
            (short) 2,
            (short) 14,
            (short) 29,
            (short) 22,
            (short) 10,
            (short) 24,
            (short) 34,
            (short) 28);
  }

  @Test
  void maxValidStride2TakesTheLargest() {
    Pooling.Plan p = plan(1, 2, false, 2, 2, Activation.NONE, 1f);
    assertThat(max(p, new short[] {0, 6, 2, 4, 3, 2, 10, 7}))
        .containsExactly((short) 6, (short) 10);
  }

  @Test
  void maxWithReluClampsAtZero() {
    Pooling.Plan p = plan(1, 2, false, 2, 2, Activation.RELU, 0.5f);
    assertThat(max(p, new short[] {-3, -12, 4, 8, -6, -4, 20, 14}))
        .containsExactly((short) 0, (short) 20);
  }

  @Test
  void maxWithReluN1To1ClampsToMinusOneAndOne() {
    Pooling.Plan p = plan(1, 2, false, 2, 2, Activation.RELU_N1_TO_1, 1f);
    assertThat(max(p, new short[] {-2, -6, -2, -4, -3, -2, 10, 7}))
        .containsExactly((short) -1, (short) 1);
  }

  @Test
  void maxWithRelu6ClampsAtSix() {
    Pooling.Plan p = plan(1, 2, false, 2, 2, Activation.RELU6, 1f);
    assertThat(max(p, new short[] {0, -6, 12, 4, -3, -2, 10, 7}))
        .containsExactly((short) 0, (short) 6);
  }

  @Test
  void valuesBeyondTheInt8RangeKeepTheirInt16Magnitude() {
    Pooling.Plan p = plan(1, 2, false, 2, 2, Activation.NONE, 1f);
    short[] in = {-30000, -32768, 1000, 3001, -30000, -32768, 1000, 3000};
    assertThat(average(p, in)).containsExactly((short) -31384, (short) 2000);
    assertThat(max(p, in)).containsExactly((short) -30000, (short) 3001);
  }
}
