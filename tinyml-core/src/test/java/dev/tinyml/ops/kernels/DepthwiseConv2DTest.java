package dev.tinyml.ops.kernels;

import static dev.tinyml.ops.kernels.ConvCases.SAME;
import static dev.tinyml.ops.kernels.ConvCases.VALID;
import static dev.tinyml.ops.kernels.ConvCases.filled;
import static dev.tinyml.ops.kernels.ConvCases.randomBias;
import static dev.tinyml.ops.kernels.ConvCases.shape;
import static dev.tinyml.ops.kernels.ConvCases.shapes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DepthwiseConv2DTest {

  @Test
  void floatDepthMultiplierTwoGivesTwoOutputsPerInputChannel() {
    ConvParams p =
        shapes(shape(1, 1, 1, 2), shape(1, 1, 1, 4), shape(1, 1, 1, 4))
            .depthwise(VALID, Activation.NONE, null);
    float[] out = new float[4];
    DepthwiseConv2D.evalFloat(
        p,
        new float[] {2, 3},
        new float[] {1, 2, 3, 4},
        new float[] {0, 0, 0, 1},
        out,
        new float[p.scratchSize()]);
    assertThat(out).containsExactly(2, 4, 9, 13);
  }

  @Test
  void int8SamePaddingWithZeroPointCountsOnlyImageTaps() {
    ChannelMultipliers one = ChannelMultipliers.of(1f, new float[] {1f}, 1f, 1);
    ConvParams.Quantization zeroPoints = new ConvParams.Quantization(-5, 1f, 3, one);
    int[] image = shape(1, 3, 3, 1);
    ConvParams p =
        shapes(image, shape(1, 3, 3, 1), image).depthwise(SAME, Activation.NONE, zeroPoints);
    byte[] in = filled(9, -3); // real value 2
    byte[] filter = filled(9, 1);
    byte[] out = new byte[9];
    DepthwiseConv2D.evalInt8(p, in, filter, null, out, new int[p.scratchSize()]);
    assertThat(out).containsExactly(11, 15, 11, 15, 21, 15, 11, 15, 11);
  }

  @Test
  void int8PerChannelWithStrideTwoAndBias() {
    ChannelMultipliers m = new ChannelMultipliers(new int[] {1 << 30, 1 << 30}, new int[] {0, 1});
    ConvParams.Window strideTwoAcross = new ConvParams.Window(false, 1, 2, 1, 1);
    ConvParams.Quantization q = new ConvParams.Quantization(0, 1f, 0, m);
    ConvParams p =
        shapes(shape(1, 1, 4, 2), shape(1, 1, 1, 2), shape(1, 1, 2, 2))
            .depthwise(strideTwoAcross, Activation.NONE, q);
    byte[] out = new byte[4];
    DepthwiseConv2D.evalInt8(
        p,
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
        new byte[] {3, 2},
        new int[] {0, 1},
        out,
        new int[p.scratchSize()]);
    // pixel 0: (1*3)*0.5=1.5->2, (2*2+1)*1=5; pixel 2: (5*3)*0.5=7.5->8, (6*2+1)=13
    assertThat(out).containsExactly(2, 5, 8, 13);
  }

  @Test
  void rowKernelEqualsTheReferenceLoopOnRandomData() {
    java.util.Random r = new java.util.Random(11);
    for (boolean same : new boolean[] {true, false}) {
      int outH = ConvGeometry.outSize(same, 9, 4, 2, 1);
      int outW = ConvGeometry.outSize(same, 8, 3, 1, 2);
      int[] inShape = {2, 9, 8, 2};
      int[] fShape = {1, 4, 3, 6};
      int[] outShape = {2, outH, outW, 6};
      float[] scales = {0.01f, 0.02f, 0.03f, 0.015f, 0.025f, 0.011f};
      ChannelMultipliers m = ChannelMultipliers.of(0.05f, scales, 0.1f, 6);
      ConvParams.Window strideTwoDownDilationTwoAcross = new ConvParams.Window(same, 2, 1, 1, 2);
      ConvParams.Quantization q = new ConvParams.Quantization(5, 0.1f, -7, m);
      ConvParams p =
          shapes(inShape, fShape, outShape)
              .depthwise(strideTwoDownDilationTwoAcross, Activation.RELU6, q);
      byte[] in = new byte[2 * 9 * 8 * 2];
      byte[] filter = new byte[4 * 3 * 6];
      r.nextBytes(in);
      r.nextBytes(filter);
      int[] bias = randomBias(r, 6);
      byte[] expected = new byte[2 * outH * outW * 6];
      byte[] actual = new byte[expected.length];
      DepthwiseConv2D.evalInt8(p, in, filter, bias, expected, new int[p.scratchSize()]);
      DepthwiseConv2D.evalInt8Rows(p, in, filter, bias, actual, new int[p.rowScratchSize()]);
      assertThat(actual).containsExactly(expected);
    }
  }
}
