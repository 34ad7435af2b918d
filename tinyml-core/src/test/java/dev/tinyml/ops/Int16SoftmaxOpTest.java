package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.INT16;
import static dev.tinyml.tflite.TensorType.INT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.ops.kernels.Int16Softmax;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SoftmaxOptions;
import org.junit.jupiter.api.Test;

/**
 * Int16 SOFTMAX as a one-op model, with the int16 cases of TFLM's softmax_test.cc: input scale 0.1,
 * output scale 1/32768, tolerance 1 (1-D, 2-D) and 7 (3-D).
 */
class Int16SoftmaxOpTest {

  private static final float IN_SCALE = 0.1f;
  private static final float OUT_SCALE = 1f / 32768;
  private static final SoftmaxOptions BETA_1 = new SoftmaxOptions(1f);

  private static void assertSoftmax(float[] in, int[] shape, float[] golden, int tolerance) {
    Interpreter it =
        new OneOpModel()
            .input(INT16, IN_SCALE, 0, shape)
            .output(INT16, OUT_SCALE, 0, shape)
            .interpreter(BuiltinOperator.SOFTMAX, BETA_1);
    it.input(0).setInt16(Int16TestQuant.int16(in, IN_SCALE));
    it.invoke();
    short[] out = it.output(0).int16();
    short[] expected = Int16TestQuant.int16(golden, OUT_SCALE);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(out[i] - expected[i])).as("element %d", i).isLessThanOrEqualTo(tolerance);
    }
  }

  // Softmax1DQuantizedInt16ShouldMatchGolden.
  @Test
  void oneDimensionalSoftmaxMatchesTflmGolden() {
    assertSoftmax(
        new float[] {1, 2, 3, 4, 5},
        new int[] {5},
        new float[] {0.011656231f, 0.031684921f, 0.086128544f, 0.234121657f, 0.636408647f},
        1);
  }

  // Softmax2DQuantizedInt16ShouldMatchGolden.
  @Test
  void twoDimensionalSoftmaxMatchesTflmGolden() {
    assertSoftmax(
        new float[] {1, 2, 3, 4, 5, -1, -2, -3, -4, -5},
        new int[] {2, 5},
        new float[] {
          0.011656231f, 0.031684921f, 0.086128544f, 0.234121657f, 0.636408647f,
          0.636408647f, 0.234121657f, 0.086128544f, 0.031684921f, 0.011656231f
        },
        1);
  }

  // Softmax3DQuantizedInt16ShouldMatchGolden.
  @Test
  void threeDimensionalSoftmaxMatchesTflmGoldenWithinItsTolerance() {
    float[] in = {
      3, 6, -5, 4, -9, -10, -10, -8, 2, 2, 8, -5, -8, 5, -6, -8, 6, 1, -10, -8, 7, 6, -10, -4, -5,
      2, 7, 9, -9, 7, -4, -2, 8, 2, 2, 3, 6, 6, 2, 4, 9, 7, -7, 0, 4, -3, 8, 8, -3, -4, -9, -9, 4,
      -8, -1, -10, -2, 6, -7, 0
    };
    float[] golden = {
      0.042009463f, 0.843782625f, 0.000014093f, 0.114193561f, 0.000000258f,
      0.000003072f, 0.000003072f, 0.000022699f, 0.499985578f, 0.499985578f,
      0.952571219f, 0.000002153f, 0.000000107f, 0.047425728f, 0.000000792f,
      0.000000826f, 0.993305397f, 0.006692839f, 0.000000112f, 0.000000826f,
      0.731046347f, 0.268936922f, 0.000000030f, 0.000012210f, 0.000004492f,
      0.000717124f, 0.106430599f, 0.786421666f, 0.000000012f, 0.106430599f,
      0.000006114f, 0.000045174f, 0.995015917f, 0.002466398f, 0.002466398f,
      0.022595176f, 0.453836234f, 0.453836234f, 0.008312301f, 0.061420055f,
      0.875505904f, 0.118486839f, 0.000000099f, 0.000108046f, 0.005899112f,
      0.000008351f, 0.499990113f, 0.499990113f, 0.000008351f, 0.000003072f,
      0.000002245f, 0.000002245f, 0.993296627f, 0.000006103f, 0.006692780f,
      0.000000112f, 0.000334520f, 0.997191323f, 0.000002254f, 0.002471790f
    };
    assertSoftmax(in, new int[] {3, 4, 5}, golden, 7);
  }

  @Test
  void expTableEndsAtOneSaturatedToInt16() {
    short[] exp = Int16Softmax.expTable();
    assertThat(exp).hasSize(513);
    // exp(0) * 32768 does not fit int16.
    assertThat(exp[512]).isEqualTo((short) 32767);
  }

  @Test
  void oneOverOnePlusXTableEndsAtOneHalf() {
    short[] t = Int16Softmax.oneOverOnePlusXTable();
    assertThat(t).hasSize(513);
    assertThat(t[512]).isEqualTo((short) 16384);
  }

  @Test
  void int16SoftmaxNeedsAQ015Output() {
    Model m =
        new OneOpModel()
            .input(INT16, IN_SCALE, 0, 1, 5)
            .output(INT16, 1f / 65536, 0, 1, 5)
            .build(BuiltinOperator.SOFTMAX, BETA_1);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 SOFTMAX: int16 softmax input")
        .hasMessageContaining("scale 1/32768");
  }

  @Test
  void int16InputWithInt8OutputIsRefused() {
    Model m =
        new OneOpModel()
            .input(INT16, IN_SCALE, 0, 1, 5)
            .output(INT8, 1f / 256, -128, 1, 5)
            .build(BuiltinOperator.SOFTMAX, BETA_1);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 SOFTMAX: unsupported tensor types");
  }

  @Test
  void int16SoftmaxIsVersion3AndKeepsTwoTablesInTheArena() {
    Model m =
        new OneOpModel()
            .input(INT16, IN_SCALE, 0, 1, 5)
            .output(INT16, OUT_SCALE, 0, 1, 5)
            .build(BuiltinOperator.SOFTMAX, BETA_1);
    OpNode node = Int16ArithmeticOpsTest.node(m);
    assertThat(new SoftmaxOp().int8Version(node)).isEqualTo(3);
    assertThat(new SoftmaxOp().prepareAllocations(node)).containsExactly(1026, 1026);
  }
}
