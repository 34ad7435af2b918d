package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Conv2DTest {

  private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void floatValidPaddingSlidesTheFilter() {
    ConvParams p =
        ConvParams.of(
            Conv2D::filterInC,
            new int[] {1, 3, 3, 1},
            new int[] {1, 2, 2, 1},
            new int[] {1, 2, 2, 1},
            new ConvParams.Window(false, 1, 1, 1, 1),
            Activation.NONE,
            null);
    float[] out = new float[4];
    Conv2D.evalFloat(p, ONE_TO_NINE, new float[] {1, 0, 0, 1}, null, out);
    assertThat(out).containsExactly(6, 8, 12, 14);
  }

  @Test
  void floatSamePaddingSkipsTapsOutsideTheImage() {
    ConvParams p =
        ConvParams.of(
            Conv2D::filterInC,
            new int[] {1, 3, 3, 1},
            new int[] {1, 3, 3, 1},
            new int[] {1, 3, 3, 1},
            new ConvParams.Window(true, 1, 1, 1, 1),
            Activation.NONE,
            null);
    float[] ones = new float[9];
    java.util.Arrays.fill(ones, 1f);
    float[] out = new float[9];
    Conv2D.evalFloat(p, ONE_TO_NINE, ones, null, out);
    assertThat(out).containsExactly(12, 21, 16, 27, 45, 33, 24, 39, 28);
  }

  @Test
  void floatDilationSpreadsTheTaps() {
    ConvParams p =
        ConvParams.of(
            Conv2D::filterInC,
            new int[] {1, 1, 5, 1},
            new int[] {1, 1, 2, 1},
            new int[] {1, 1, 3, 1},
            new ConvParams.Window(false, 1, 1, 1, 2),
            Activation.NONE,
            null);
    float[] out = new float[3];
    Conv2D.evalFloat(p, new float[] {1, 2, 3, 4, 5}, new float[] {1, 1}, null, out);
    assertThat(out).containsExactly(4, 6, 8);
  }

  @Test
  void int8PaddedTapsContributeNothingEvenWithAZeroPoint() {
    ChannelMultipliers one = ChannelMultipliers.of(1f, new float[] {1f}, 1f, 1);
    ConvParams p =
        ConvParams.of(
            Conv2D::filterInC,
            new int[] {1, 3, 3, 1},
            new int[] {1, 3, 3, 1},
            new int[] {1, 3, 3, 1},
            new ConvParams.Window(true, 1, 1, 1, 1),
            Activation.NONE,
            new ConvParams.Quantization(10, 1f, 0, one));
    byte[] in = new byte[9];
    java.util.Arrays.fill(in, (byte) 11); // real value 1
    byte[] filter = new byte[9];
    java.util.Arrays.fill(filter, (byte) 1);
    byte[] out = new byte[9];
    Conv2D.evalInt8(p, in, filter, null, out);
    assertThat(out).containsExactly(4, 6, 4, 6, 9, 6, 4, 6, 4);
  }

  @Test
  void int8PerChannelMatchesHandComputedValues() {
    // pixel (3, 5); filters (1, 1) and (2, -1); bias (1, 0) -> acc (9, 1)
    // channel 0 * 0.5 -> 4.5 rounds to 5; channel 1 * 4 -> 4
    ChannelMultipliers m = new ChannelMultipliers(new int[] {1 << 30, 1 << 30}, new int[] {0, 3});
    ConvParams p =
        ConvParams.of(
            Conv2D::filterInC,
            new int[] {1, 1, 1, 2},
            new int[] {2, 1, 1, 2},
            new int[] {1, 1, 1, 2},
            new ConvParams.Window(false, 1, 1, 1, 1),
            Activation.NONE,
            new ConvParams.Quantization(0, 1f, 0, m));
    byte[] out = new byte[2];
    Conv2D.evalInt8(p, new byte[] {3, 5}, new byte[] {1, 1, 2, -1}, new int[] {1, 0}, out);
    assertThat(out).containsExactly(5, 4);
  }

  @Test
  void int8Relu6ClampsInQuantizedUnits() {
    // output scale 0.1, zp 0: RELU6 clamps to [0, 60]
    ChannelMultipliers one = new ChannelMultipliers(new int[] {1 << 30}, new int[] {1});
    ConvParams p =
        ConvParams.of(
            Conv2D::filterInC,
            new int[] {1, 1, 2, 1},
            new int[] {1, 1, 1, 1},
            new int[] {1, 1, 2, 1},
            new ConvParams.Window(false, 1, 1, 1, 1),
            Activation.RELU6,
            new ConvParams.Quantization(0, 0.1f, 0, one));
    byte[] out = new byte[2];
    Conv2D.evalInt8(p, new byte[] {100, -5}, new byte[] {1}, null, out);
    assertThat(out).containsExactly(60, 0);
  }

  @Test
  void outputSizeThatContradictsThePaddingIsRejected() {
    assertThatThrownBy(
            () ->
                ConvParams.of(
                    Conv2D::filterInC,
                    new int[] {1, 3, 3, 1},
                    new int[] {1, 2, 2, 1},
                    new int[] {1, 3, 3, 1},
                    new ConvParams.Window(false, 1, 1, 1, 1),
                    Activation.NONE,
                    null))
        .hasMessageContaining("output height is 3 but VALID padding");
  }

  @Test
  void zeroStrideIsRejectedRatherThanDividedBy() {
    assertThatThrownBy(
            () ->
                ConvParams.of(
                    Conv2D::filterInC,
                    new int[] {1, 3, 3, 1},
                    new int[] {1, 2, 2, 1},
                    new int[] {1, 2, 2, 1},
                    new ConvParams.Window(false, 0, 1, 1, 1),
                    Activation.NONE,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter height 2, stride 0 and dilation 1 must all be at least 1");
  }

  @Test
  void filterWhoseChannelsDoNotFitTheTensorsIsRejected() {
    // 3 input channels cannot be split into groups of 2 filter input channels.
    assertThatThrownBy(
            () ->
                ConvParams.of(
                    Conv2D::filterInC,
                    new int[] {1, 3, 3, 3},
                    new int[] {4, 1, 1, 2},
                    new int[] {1, 3, 3, 4},
                    new ConvParams.Window(false, 1, 1, 1, 1),
                    Activation.NONE,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("filter [4, 1, 1, 2] does not fit 3 input and 4 output channels");
  }

  @Test
  void transposedInt8KernelEqualsTheReferenceLoopOnRandomData() {
    java.util.Random r = new java.util.Random(7);
    int[] inShape = {2, 7, 6, 5};
    int[] fShape = {9, 3, 2, 5};
    boolean same = true;
    int outH = ConvGeometry.outSize(same, 7, 3, 2, 2);
    int outW = ConvGeometry.outSize(same, 6, 2, 1, 1);
    int[] outShape = {2, outH, outW, 9};
    ChannelMultipliers m =
        ChannelMultipliers.of(
            0.05f,
            new float[] {0.01f, 0.02f, 0.03f, 0.015f, 0.025f, 0.011f, 0.021f, 0.031f, 0.041f},
            0.1f,
            9);
    ConvParams p =
        ConvParams.of(
            Conv2D::filterInC,
            inShape,
            fShape,
            outShape,
            new ConvParams.Window(same, 2, 1, 2, 1),
            Activation.RELU,
            new ConvParams.Quantization(-3, 0.1f, 4, m));
    byte[] in = new byte[2 * 7 * 6 * 5];
    byte[] filter = new byte[9 * 3 * 2 * 5];
    int[] bias = new int[9];
    r.nextBytes(in);
    r.nextBytes(filter);
    for (int i = 0; i < 9; i++) {
      bias[i] = r.nextInt(2001) - 1000;
    }
    byte[] expected = new byte[2 * outH * outW * 9];
    byte[] actual = new byte[expected.length];
    Conv2D.evalInt8(p, in, filter, bias, expected);
    Conv2D.evalInt8Transposed(p, in, Conv2D.transposeFilter(p, filter), bias, actual, new int[9]);
    assertThat(actual).containsExactly(expected);
  }
}
