package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.INT16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.TensorType;
import org.junit.jupiter.api.Test;

/**
 * 16x8 CONV_2D and DEPTHWISE_CONV_2D as one-op models, with the int16 cases of TFLM's conv_test.cc
 * (SimpleTestQuantized16x8PerChannel*) and depthwise_conv_test.cc
 * (SimpleTestQuantizedPerChannelInt16InputInt8Filter), per-channel filters quantized as TFLM's test
 * helpers do, tolerance 1.
 */
class Convolution16x8OpTest {

  private static final int[] IN_SHAPE = {2, 2, 4, 1};
  private static final float[] IN = {1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 3, 4, 1, 2, 3, 4};
  private static final int[] FILTER_SHAPE = {3, 2, 2, 1};
  private static final float[] FILTER = {1, 2, 3, 4, -1, 1, -1, 1, -1, -1, 1, 1};
  private static final int[] OUT_SHAPE = {2, 1, 2, 3};
  private static final Conv2DOptions STRIDE_2 =
      new Conv2DOptions(Padding.VALID, 2, 2, ActivationFunctionType.NONE, 1, 1, TensorType.FLOAT32);

  private static void assertWithinOne(short[] out, float[] golden, float scale) {
    short[] expected = Int16TestQuant.int16(golden, scale);
    assertThat(out).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(out[i] - expected[i])).as("element %d", i).isLessThanOrEqualTo(1);
    }
  }

  /** The conv test's model with a bias of int64 (or int32) values. */
  private static OneOpModel conv(float inScale, float outScale, float[] bias, boolean int64Bias) {
    float[] scales = Int16TestQuant.channelScales(FILTER, 3, false);
    OneOpModel m =
        new OneOpModel()
            .input(INT16, inScale, 0, IN_SHAPE)
            .int8sPerChannel(
                FILTER_SHAPE, scales, 0, Int16TestQuant.int8PerChannel(FILTER, scales, false));
    m =
        int64Bias
            ? m.longs(new int[] {3}, Int16TestQuant.bias64(bias, inScale, scales))
            : m.ints(new int[] {3}, Int16TestQuant.bias32(bias, inScale, scales));
    return m.output(INT16, outScale, 0, OUT_SHAPE);
  }

  private static short[] run(OneOpModel m, float inScale, BuiltinOptions options) {
    Interpreter it = m.interpreter(BuiltinOperator.CONV_2D, options);
    it.input(0).setInt16(Int16TestQuant.int16(IN, inScale));
    it.invoke();
    return it.output(0).int16();
  }

  private static final float[] GOLDEN = {18, 2, 5, 18, 2, 5, 17, 4, 3, 37, 4, 3};

  @Test
  void convWithInt64BiasMatchesTflmGolden() {
    short[] out = run(conv(0.5f, 1f, new float[] {1, 2, 3}, true), 0.5f, STRIDE_2);
    assertWithinOne(out, GOLDEN, 1f);
  }

  @Test
  void convWithInt32BiasMatchesTflmGolden() {
    short[] out = run(conv(0.5f, 1f, new float[] {1, 2, 3}, false), 0.5f, STRIDE_2);
    assertWithinOne(out, GOLDEN, 1f);
  }

  // SimpleTestQuantized16x8PerChannelRelu664bBias.
  @Test
  void convWithFusedRelu6ClampsAsTflm() {
    float scale = 0.023529f;
    short[] out =
        run(
            conv(scale, scale, new float[] {1, 2, -3}, true),
            scale,
            new Conv2DOptions(
                Padding.VALID, 2, 2, ActivationFunctionType.RELU6, 1, 1, TensorType.FLOAT32));
    assertWithinOne(out, new float[] {6, 2, 0, 6, 2, 0, 6, 4, 0, 6, 4, 0}, scale);
  }

  @Test
  void convWithANonZeroInputZeroPointIsRefused() {
    float[] scales = Int16TestQuant.channelScales(FILTER, 3, false);
    Model m =
        new OneOpModel()
            .input(INT16, 0.5f, 7, IN_SHAPE)
            .int8sPerChannel(
                FILTER_SHAPE, scales, 0, Int16TestQuant.int8PerChannel(FILTER, scales, false))
            .longs(new int[] {3}, 0, 0, 0)
            .output(INT16, 1f, 0, OUT_SHAPE)
            .build(BuiltinOperator.CONV_2D, STRIDE_2);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 CONV_2D: 16x8 input")
        .hasMessageContaining("need zero point 0");
  }

  @Test
  void convIsVersion1AndWithQuantizedBiasType8() {
    Model m = conv(0.5f, 1f, new float[] {1, 2, 3}, true).build(BuiltinOperator.CONV_2D, STRIDE_2);
    OpNode node = Int16ArithmeticOpsTest.node(m);
    assertThat(new Conv2DOp().int8Version(node)).isEqualTo(1);
    m.subgraphs()
        .get(0)
        .operators()
        .get(0)
        .setOptions(
            new Conv2DOptions(
                Padding.VALID, 2, 2, ActivationFunctionType.NONE, 1, 1, TensorType.INT64));
    assertThat(new Conv2DOp().int8Version(node)).isEqualTo(8);
  }

  // depthwise_conv_test.cc SimpleTestQuantizedPerChannelInt16InputInt8Filter.
  private static final float[] DW_IN = {
    -547, 108, -682, 540, -161, -539, 9, -482, -859, 84, 153, -726
  };
  private static final float[] DW_FILTER = {
    1, 2, 3, 4, -9, 10, -11, 12, 5, 6, 7, 8, 13, -14, 15, -16
  };
  private static final DepthwiseConv2DOptions DW_VALID =
      new DepthwiseConv2DOptions(Padding.VALID, 1, 1, 2, ActivationFunctionType.NONE, 1, 1);

  private static Model depthwise(int inZeroPoint, long... bias) {
    float[] scales = Int16TestQuant.channelScales(DW_FILTER, 4, true);
    return new OneOpModel()
        .input(INT16, 0.5f, inZeroPoint, 1, 3, 2, 2)
        .int8sPerChannel(
            new int[] {1, 2, 2, 4},
            scales,
            3,
            Int16TestQuant.int8PerChannel(DW_FILTER, scales, true))
        .longs(new int[] {4}, bias)
        .output(INT16, 1f, 0, 1, 2, 1, 4)
        .build(BuiltinOperator.DEPTHWISE_CONV_2D, DW_VALID);
  }

  @Test
  void depthwiseWithInt64BiasMatchesTflmGolden() {
    float[] scales = Int16TestQuant.channelScales(DW_FILTER, 4, true);
    long[] bias = Int16TestQuant.bias64(new float[] {1, 2, 3, 4}, 0.5f, scales);
    Interpreter it = PreparedModel.prepare(depthwise(0, bias)).newInterpreter();
    it.input(0).setInt16(Int16TestQuant.int16(DW_IN, 0.5f));
    it.invoke();
    assertWithinOne(
        it.output(0).int16(),
        new float[] {4894, -9009, -16596, 10268, -2564, -7483, -6599, 4356},
        1f);
  }

  @Test
  void depthwiseWithAnInt32BiasIsRefused() {
    float[] scales = Int16TestQuant.channelScales(DW_FILTER, 4, true);
    Model m =
        new OneOpModel()
            .input(INT16, 0.5f, 0, 1, 3, 2, 2)
            .int8sPerChannel(
                new int[] {1, 2, 2, 4},
                scales,
                3,
                Int16TestQuant.int8PerChannel(DW_FILTER, scales, true))
            .ints(new int[] {4}, 1, 2, 3, 4)
            .output(INT16, 1f, 0, 1, 2, 1, 4)
            .build(BuiltinOperator.DEPTHWISE_CONV_2D, DW_VALID);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 DEPTHWISE_CONV_2D: bias")
        .hasMessageContaining("INT64");
  }

  @Test
  void depthwiseIsVersion1() {
    assertThat(
            new DepthwiseConv2DOp()
                .int8Version(Int16ArithmeticOpsTest.node(depthwise(0, 1, 2, 3, 4))))
        .isEqualTo(1);
  }
}
