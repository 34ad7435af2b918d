package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullyConnectedTest {

  private static final int HALF = 1 << 30;

  private static ChannelMultipliers same(int channels, int multiplier, int shift) {
    int[] m = new int[channels];
    int[] s = new int[channels];
    java.util.Arrays.fill(m, multiplier);
    java.util.Arrays.fill(s, shift);
    return new ChannelMultipliers(m, s);
  }

  @Test
  void floatAddsBiasAfterTheDotProductAndClampsRelu6() {
    FullyConnected.Plan p = FullyConnected.prepareFloat(3, 2, 3, Activation.RELU6);
    float[] out = new float[3];
    FullyConnected.evalFloat(
        p, new float[] {1, 2}, new float[] {1, 1, 2, -3, 4, 4}, new float[] {0.5f, 0, 0}, out);
    assertThat(out).containsExactly(3.5f, 0f, 6f);
  }

  @Test
  void int8SubtractsInputZeroPointAndRoundsHalfUpInTheHighMultiply() {
    // (10-2)*3 + (-4-2)*1 = 18, + bias 5 = 23, * 0.5 = 11.5 -> 12, + zp -1 = 11
    FullyConnected.Plan p =
        FullyConnected.prepareQuantized(
            1,
            2,
            1,
            2,
            0,
            1f,
            -1,
            same(1, HALF, 0),
            Activation.NONE,
            Byte.MIN_VALUE,
            Byte.MAX_VALUE);
    byte[] out = new byte[1];
    FullyConnected.evalInt8(p, new byte[] {10, -4}, new byte[] {3, 1}, new int[] {5}, out);
    assertThat(out).containsExactly(11);
  }

  @Test
  void int8SaturatesAndAppliesReluAtTheZeroPoint() {
    FullyConnected.Plan p =
        FullyConnected.prepareQuantized(
            2,
            1,
            2,
            0,
            0,
            0.5f,
            -10,
            same(2, HALF, 1),
            Activation.RELU,
            Byte.MIN_VALUE,
            Byte.MAX_VALUE);
    byte[] out = new byte[2];
    FullyConnected.evalInt8(p, new byte[] {100}, new byte[] {100, -100}, null, out);
    assertThat(out).containsExactly(127, -10);
  }

  @Test
  void int8PerChannelUsesEachOutputsMultiplier() {
    ChannelMultipliers m = new ChannelMultipliers(new int[] {HALF, HALF}, new int[] {0, 2});
    FullyConnected.Plan p =
        FullyConnected.prepareQuantized(
            2, 1, 2, 0, 0, 1f, 0, m, Activation.NONE, Byte.MIN_VALUE, Byte.MAX_VALUE);
    byte[] out = new byte[2];
    FullyConnected.evalInt8(p, new byte[] {5}, new byte[] {2, 3}, null, out);
    assertThat(out).containsExactly(5, 30);
  }

  @Test
  void perTensorMultiplierTakesTheScaleProductInFloat() {
    ChannelMultipliers m = ChannelMultipliers.perTensorFloatProduct(0.1f, 0.3f, 0.7f, 2);
    FixedPoint.Multiplier expected = FixedPoint.quantizeMultiplier((double) (0.1f * 0.3f) / 0.7f);
    assertThat(m.multiplier()).containsExactly(expected.multiplier(), expected.multiplier());
    assertThat(m.shift()).containsExactly(expected.shift(), expected.shift());
  }
}
