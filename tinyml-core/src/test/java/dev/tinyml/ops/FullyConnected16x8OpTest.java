package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.INT16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import org.junit.jupiter.api.Test;

/**
 * 16x8 FULLY_CONNECTED as a one-op model, with TFLM's fully_connected_test.cc SimpleTest data (2x10
 * input, 3x10 weights, bias 1, 2, 3; golden 24, 25, 26, 58, 59, 60) at input and output scale
 * 128/65536.
 */
class FullyConnected16x8OpTest {

  private static final float SCALE = 128f / 65536;
  private static final float[] INPUT = {
    1, 2, 3, 4, 5, 6, 7, 8, -9, -10, 1, 2, 3, 4, 5, 6, 7, -8, 9, -10
  };
  private static final float[] WEIGHTS = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  };
  private static final float[] BIAS = {1, 2, 3};
  private static final float[] GOLDEN = {24, 25, 26, 58, 59, 60};
  private static final FullyConnectedOptions NONE =
      new FullyConnectedOptions(
          ActivationFunctionType.NONE,
          FullyConnectedOptionsWeightsFormat.DEFAULT,
          false,
          false,
          TensorType.FLOAT32);

  private static short[] run(OneOpModel m) {
    Interpreter it = m.interpreter(BuiltinOperator.FULLY_CONNECTED, NONE);
    it.input(0).setInt16(Int16TestQuant.int16(INPUT, SCALE));
    it.invoke();
    return it.output(0).int16();
  }

  // SimpleTestQuantizedInt16: weights scale 1, tolerance 0.
  @Test
  void perTensorLayerWithInt64BiasMatchesTflmGoldenExactly() {
    float[] w = {1f};
    short[] out =
        run(
            new OneOpModel()
                .input(INT16, SCALE, 0, 2, 10)
                .int8s(new int[] {3, 10}, 1f, Int16TestQuant.int8Symmetric(WEIGHTS, 1f))
                .longs(new int[] {3}, Int16TestQuant.bias64(BIAS, SCALE, w))
                .output(INT16, SCALE, 0, 2, 3));
    assertThat(out).containsExactly(Int16TestQuant.int16(GOLDEN, SCALE));
  }

  // SimpleTestPerChannelQuantizedInt16: weight scales 0.2, 0.25, 0.5, tolerance 1.
  @Test
  void perChannelLayerWithInt64BiasMatchesTflmGolden() {
    float[] scales = {0.2f, 0.25f, 0.5f};
    short[] out =
        run(
            new OneOpModel()
                .input(INT16, SCALE, 0, 2, 10)
                .int8sPerChannel(
                    new int[] {3, 10},
                    scales,
                    0,
                    Int16TestQuant.int8PerChannel(WEIGHTS, scales, false))
                .longs(new int[] {3}, Int16TestQuant.bias64(BIAS, SCALE, scales))
                .output(INT16, SCALE, 0, 2, 3));
    short[] expected = Int16TestQuant.int16(GOLDEN, SCALE);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(out[i] - expected[i])).isLessThanOrEqualTo(1);
    }
  }

  // TFLM also runs 16x8 with an int32 bias (int32 accumulators).
  @Test
  void perTensorLayerWithInt32BiasMatchesTflmGoldenExactly() {
    float[] w = {1f};
    short[] out =
        run(
            new OneOpModel()
                .input(INT16, SCALE, 0, 2, 10)
                .int8s(new int[] {3, 10}, 1f, Int16TestQuant.int8Symmetric(WEIGHTS, 1f))
                .ints(new int[] {3}, Int16TestQuant.bias32(BIAS, SCALE, w))
                .output(INT16, SCALE, 0, 2, 3));
    assertThat(out).containsExactly(Int16TestQuant.int16(GOLDEN, SCALE));
  }

  @Test
  void a16x8BiasOfAnotherTypeIsRefused() {
    Model m =
        new OneOpModel()
            .input(INT16, SCALE, 0, 2, 10)
            .int8s(new int[] {3, 10}, 1f, Int16TestQuant.int8Symmetric(WEIGHTS, 1f))
            .floats(new int[] {3}, BIAS)
            .output(INT16, SCALE, 0, 2, 3)
            .build(BuiltinOperator.FULLY_CONNECTED, NONE);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 FULLY_CONNECTED: 16x8 bias")
        .hasMessageContaining("must be INT64");
  }

  @Test
  void a16x8LayerWithBiasIsVersion1AndWithQuantizedBiasType11() {
    Model m =
        new OneOpModel()
            .input(INT16, SCALE, 0, 2, 10)
            .int8s(new int[] {3, 10}, 1f, Int16TestQuant.int8Symmetric(WEIGHTS, 1f))
            .longs(new int[] {3}, 1, 2, 3)
            .output(INT16, SCALE, 0, 2, 3)
            .build(BuiltinOperator.FULLY_CONNECTED, NONE);
    OpNode node = Int16ArithmeticOpsTest.node(m);
    assertThat(new FullyConnectedOp().int8Version(node)).isEqualTo(1);
    m.subgraphs()
        .get(0)
        .operators()
        .get(0)
        .setOptions(
            new FullyConnectedOptions(
                ActivationFunctionType.NONE,
                FullyConnectedOptionsWeightsFormat.DEFAULT,
                false,
                false,
                TensorType.INT64));
    assertThat(new FullyConnectedOp().int8Version(node)).isEqualTo(11);
  }
}
