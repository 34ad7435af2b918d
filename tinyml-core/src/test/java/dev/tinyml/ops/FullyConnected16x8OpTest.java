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
import java.util.function.UnaryOperator;
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
  private static final short[] EXPECTED = Int16TestQuant.int16(GOLDEN, SCALE);
  private static final int[] WEIGHTS_SHAPE = {3, 10};
  private static final int[] BIAS_SHAPE = {3};
  private static final float[] UNIT_SCALE = {1f};
  private static final FullyConnectedOptions NONE = options(TensorType.FLOAT32);

  /** No activation, default weights format, with the given quantized bias type. */
  private static FullyConnectedOptions options(TensorType quantizedBiasType) {
    return new FullyConnectedOptions(
        ActivationFunctionType.NONE,
        FullyConnectedOptionsWeightsFormat.DEFAULT,
        false,
        false,
        quantizedBiasType);
  }

  /**
   * The 2x10 int16 input, the 3x10 weights {@code weights} adds and the bias {@code bias} adds, and
   * the 2x3 int16 output; input and output at {@link #SCALE}.
   */
  private static OneOpModel layer(
      UnaryOperator<OneOpModel> weights, UnaryOperator<OneOpModel> bias) {
    OneOpModel input = new OneOpModel().input(INT16, SCALE, 0, 2, 10);
    return bias.apply(weights.apply(input)).output(INT16, SCALE, 0, 2, 3);
  }

  /** The weights per tensor at scale 1. */
  private static OneOpModel unitScaleWeights(OneOpModel m) {
    return m.int8s(WEIGHTS_SHAPE, 1f, Int16TestQuant.int8Symmetric(WEIGHTS, 1f));
  }

  /** The layer with {@link #unitScaleWeights} and the bias {@code bias} adds. */
  private static OneOpModel perTensorLayer(UnaryOperator<OneOpModel> bias) {
    return layer(FullyConnected16x8OpTest::unitScaleWeights, bias);
  }

  private static short[] run(OneOpModel m) {
    Interpreter it = m.interpreter(BuiltinOperator.FULLY_CONNECTED, NONE);
    it.input(0).setInt16(Int16TestQuant.int16(INPUT, SCALE));
    it.invoke();
    return it.output(0).int16();
  }

  // SimpleTestQuantizedInt16: weights scale 1, tolerance 0.
  @Test
  void perTensorLayerWithInt64BiasMatchesTflmGoldenExactly() {
    long[] bias = Int16TestQuant.bias64(BIAS, SCALE, UNIT_SCALE);
    short[] out = run(perTensorLayer(m -> m.longs(BIAS_SHAPE, bias)));
    assertThat(out).containsExactly(EXPECTED);
  }

  // SimpleTestPerChannelQuantizedInt16: weight scales 0.2, 0.25, 0.5, tolerance 1.
  @Test
  void perChannelLayerWithInt64BiasMatchesTflmGolden() {
    float[] scales = {0.2f, 0.25f, 0.5f};
    byte[] weights = Int16TestQuant.int8PerChannel(WEIGHTS, scales, false);
    long[] bias = Int16TestQuant.bias64(BIAS, SCALE, scales);
    short[] out =
        run(
            layer(
                m -> m.int8sPerChannel(WEIGHTS_SHAPE, scales, 0, weights),
                m -> m.longs(BIAS_SHAPE, bias)));
    for (int i = 0; i < EXPECTED.length; i++) {
      assertThat(Math.abs(out[i] - EXPECTED[i])).isLessThanOrEqualTo(1);
    }
  }

  // TFLM also runs 16x8 with an int32 bias (int32 accumulators).
  @Test
  void perTensorLayerWithInt32BiasMatchesTflmGoldenExactly() {
    int[] bias = Int16TestQuant.bias32(BIAS, SCALE, UNIT_SCALE);
    assertThat(run(perTensorLayer(m -> m.ints(BIAS_SHAPE, bias)))).containsExactly(EXPECTED);
  }

  @Test
  void a16x8BiasOfAnotherTypeIsRefused() {
    Model m =
        perTensorLayer(l -> l.floats(BIAS_SHAPE, BIAS))
            .build(BuiltinOperator.FULLY_CONNECTED, NONE);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 FULLY_CONNECTED: 16x8 bias")
        .hasMessageContaining("must be INT64");
  }

  @Test
  void a16x8LayerWithBiasIsVersion1AndWithQuantizedBiasType11() {
    Model m =
        perTensorLayer(l -> l.longs(BIAS_SHAPE, 1, 2, 3))
            .build(BuiltinOperator.FULLY_CONNECTED, NONE);
    OpNode node = Int16ArithmeticOpsTest.node(m);
    assertThat(new FullyConnectedOp().int8Version(node)).isEqualTo(1);
    m.subgraphs().get(0).operators().get(0).setOptions(options(TensorType.INT64));
    assertThat(new FullyConnectedOp().int8Version(node)).isEqualTo(11);
  }
}
