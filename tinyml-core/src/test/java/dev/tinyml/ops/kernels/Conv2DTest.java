package dev.tinyml.ops.kernels;

import static dev.tinyml.ops.kernels.ConvCases.SAME;
import static dev.tinyml.ops.kernels.ConvCases.VALID;
import static dev.tinyml.ops.kernels.ConvCases.filled;
import static dev.tinyml.ops.kernels.ConvCases.randomBias;
import static dev.tinyml.ops.kernels.ConvCases.shape;
import static dev.tinyml.ops.kernels.ConvCases.shapes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Conv2DTest {

  private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

  /** A float convolution without activation. */
  private static ConvParams floatConv(
      int[] input, int[] filter, int[] output, ConvParams.Window window) {
    return shapes(input, filter, output).conv2d(window, Activation.NONE, null);
  }

  /** Zero points 0, the output at {@code outputScale}. */
  private static ConvParams.Quantization quantizedTo(float outputScale, ChannelMultipliers m) {
    return new ConvParams.Quantization(0, outputScale, 0, m);
  }

  @Test
  void floatValidPaddingSlidesTheFilter() {
    ConvParams p = floatConv(shape(1, 3, 3, 1), shape(1, 2, 2, 1), shape(1, 2, 2, 1), VALID);
    float[] out = new float[4];
    Conv2D.evalFloat(p, ONE_TO_NINE, new float[] {1, 0, 0, 1}, null, out);
    assertThat(out).containsExactly(6, 8, 12, 14);
  }

  @Test
  void floatSamePaddingSkipsTapsOutsideTheImage() {
    ConvParams p = floatConv(shape(1, 3, 3, 1), shape(1, 3, 3, 1), shape(1, 3, 3, 1), SAME);
    float[] ones = new float[9];
    java.util.Arrays.fill(ones, 1f);
    float[] out = new float[9];
    Conv2D.evalFloat(p, ONE_TO_NINE, ones, null, out);
    assertThat(out).containsExactly(12, 21, 16, 27, 45, 33, 24, 39, 28);
  }

  @Test
  void floatDilationSpreadsTheTaps() {
    ConvParams.Window dilatedTwoAcross = new ConvParams.Window(false, 1, 1, 1, 2);
    ConvParams p =
        floatConv(shape(1, 1, 5, 1), shape(1, 1, 2, 1), shape(1, 1, 3, 1), dilatedTwoAcross);
    float[] out = new float[3];
    Conv2D.evalFloat(p, new float[] {1, 2, 3, 4, 5}, new float[] {1, 1}, null, out);
    assertThat(out).containsExactly(4, 6, 8);
  }

  @Test
  void int8PaddedTapsContributeNothingEvenWithAZeroPoint() {
    ChannelMultipliers one = ChannelMultipliers.of(1f, new float[] {1f}, 1f, 1);
    ConvParams.Quantization inputZeroPoint10 = new ConvParams.Quantization(10, 1f, 0, one);
    int[] image = shape(1, 3, 3, 1);
    ConvParams p =
        shapes(image, shape(1, 3, 3, 1), image).conv2d(SAME, Activation.NONE, inputZeroPoint10);
    byte[] out = new byte[9];
    Conv2D.evalInt8(p, filled(9, 11), filled(9, 1), null, out); // input real value 1
    assertThat(out).containsExactly(4, 6, 4, 6, 9, 6, 4, 6, 4);
  }

  @Test
  void int8PerChannelMatchesHandComputedValues() {
    // pixel (3, 5); filters (1, 1) and (2, -1); bias (1, 0) -> acc (9, 1)
    // channel 0 * 0.5 -> 4.5 rounds to 5; channel 1 * 4 -> 4
    ChannelMultipliers m = new ChannelMultipliers(new int[] {1 << 30, 1 << 30}, new int[] {0, 3});
    int[] pixel = shape(1, 1, 1, 2);
    ConvParams p =
        shapes(pixel, shape(2, 1, 1, 2), pixel).conv2d(VALID, Activation.NONE, quantizedTo(1f, m));
    byte[] out = new byte[2];
    Conv2D.evalInt8(p, new byte[] {3, 5}, new byte[] {1, 1, 2, -1}, new int[] {1, 0}, out);
    assertThat(out).containsExactly(5, 4);
  }

  @Test
  void int8Relu6ClampsInQuantizedUnits() {
    // output scale 0.1, zp 0: RELU6 clamps to [0, 60]
    ChannelMultipliers one = new ChannelMultipliers(new int[] {1 << 30}, new int[] {1});
    ConvParams.Quantization q = quantizedTo(0.1f, one);
    ConvParams p =
        shapes(shape(1, 1, 2, 1), shape(1, 1, 1, 1), shape(1, 1, 2, 1))
            .conv2d(VALID, Activation.RELU6, q);
    byte[] out = new byte[2];
    Conv2D.evalInt8(p, new byte[] {100, -5}, new byte[] {1}, null, out);
    assertThat(out).containsExactly(60, 0);
  }

  @Test
  void outputSizeThatContradictsThePaddingIsRejected() {
    assertThatThrownBy(
            () -> floatConv(shape(1, 3, 3, 1), shape(1, 2, 2, 1), shape(1, 3, 3, 1), VALID))
        .hasMessageContaining("output height is 3 but VALID padding");
  }

  @Test
  void zeroStrideIsRejectedRatherThanDividedBy() {
    ConvParams.Window zeroStrideDown = new ConvParams.Window(false, 0, 1, 1, 1);
    assertThatThrownBy(
            () ->
                floatConv(shape(1, 3, 3, 1), shape(1, 2, 2, 1), shape(1, 2, 2, 1), zeroStrideDown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter height 2, stride 0 and dilation 1 must all be at least 1");
  }

  @Test
  void filterWhoseChannelsDoNotFitTheTensorsIsRejected() {
    // 3 input channels cannot be split into groups of 2 filter input channels.
    assertThatThrownBy(
            () -> floatConv(shape(1, 3, 3, 3), shape(4, 1, 1, 2), shape(1, 3, 3, 4), VALID))
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
    ConvParams.Window strideAndDilationTwoDown = new ConvParams.Window(same, 2, 1, 2, 1);
    ConvParams.Quantization q = new ConvParams.Quantization(-3, 0.1f, 4, m);
    ConvParams p =
        shapes(inShape, fShape, outShape).conv2d(strideAndDilationTwoDown, Activation.RELU, q);
    byte[] in = new byte[2 * 7 * 6 * 5];
    byte[] filter = new byte[9 * 3 * 2 * 5];
    r.nextBytes(in);
    r.nextBytes(filter);
    int[] bias = randomBias(r, 9);
    byte[] expected = new byte[2 * outH * outW * 9];
    byte[] actual = new byte[expected.length];
    Conv2D.evalInt8(p, in, filter, bias, expected);
    Conv2D.evalInt8Transposed(p, in, Conv2D.transposeFilter(p, filter), bias, actual, new int[9]);
    assertThat(actual).containsExactly(expected);
  }
}
