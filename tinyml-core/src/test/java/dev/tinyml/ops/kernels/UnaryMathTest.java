package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.ops.kernels.UnaryMath.Function;
import org.junit.jupiter.api.Test;

class UnaryMathTest {

  static float[] run(Function f, float... in) {
    float[] out = new float[in.length];
    UnaryMath.eval(f, in, out);
    return out;
  }

  // Expected values: TFLM tensorflow/lite/micro/kernels/elementwise_test.cc, ElementwiseTest Abs,
  // Sqrt, Rsqrt and Log (TFLM checks them within 1e-5).
  @Test
  void absSqrtRsqrtAndLogGiveTflmsFigures() {
    assertThat(run(Function.ABS, 0.01f, -0.01f, 10, -10)).containsExactly(0.01f, 0.01f, 10, 10);
    assertThat(run(Function.SQRT, 0, 1, 2, 4))
        .containsExactly(new float[] {0, 1, 1.41421f, 2}, within(1e-5f));
    assertThat(run(Function.RSQRT, 1, 2, 4, 9))
        .containsExactly(new float[] {1, 0.7071f, 0.5f, 0.33333f}, within(1e-4f));
    assertThat(run(Function.LOG, 1, 2.7182818f, 0.5f, 2))
        .containsExactly(new float[] {0, 1, -0.6931472f, 0.6931472f}, within(1e-5f));
  }

  // exp_test.cc, ExpTest SingleDim: golden is std::exp of each input.
  @Test
  void expIsTheCorrectlyRoundedExponential() {
    float[] in = {0, 1, -1, 100, -100, 0.01f, -0.01f};
    float[] out = run(Function.EXP, in);
    for (int i = 0; i < in.length; i++) {
      assertThat(out[i]).isEqualTo((float) Math.exp(in[i]));
    }
    assertThat(out[3]).isEqualTo(Float.POSITIVE_INFINITY);
  }

  // floor_test.cc, FloorOpSingleDimFloat32; round_test.cc, RoundTest SingleDim and MultiDims
  // (TFLM's golden writes -0 for -0.5; its kernel computes floor + 1 = +0, as here).
  @Test
  void floorAndRoundToEvenGiveTflmsFigures() {
    assertThat(run(Function.FLOOR, 8.5f, 0f)).containsExactly(8, 0);
    assertThat(run(Function.ROUND, 8.5f, 0f, 3.5f, 4.2f, -3.5f, -4.5f))
        .containsExactly(8, 0, 4, 4, -4, -4);
    assertThat(
            run(
                Function.ROUND,
                0.0001f,
                8.0001f,
                0.9999f,
                9.9999f,
                0.5f,
                -0.0001f,
                -8.0001f,
                -0.9999f,
                -9.9999f,
                -0.5f,
                -2.5f,
                1.5f))
        .containsExactly(0, 8, 1, 10, 0, 0, -8, -1, -10, 0, -2, 2);
  }

  // elu_test.cc, EluTest FloatActivationsOpTestElu (TFLM's tolerance 1e-5).
  @Test
  void eluGivesTflmsFigures() {
    assertThat(run(Function.ELU, 0, -6, 2, -4, 3, -2, 10, -0.1f))
        .containsExactly(
            new float[] {0, -0.997521f, 2, -0.981684f, 3, -0.864665f, 10, -0.0951626f},
            within(1e-5f));
  }

  // Hand-computed: x * relu6(x + 3) / 6.
  @Test
  void hardSwishIsZeroBelowMinusThreeAndIdentityAboveThree() {
    assertThat(run(Function.HARD_SWISH, -4, -3, -1.5f, 0, 1, 3, 5))
        .containsExactly(-0f, -0f, -0.375f, 0, 2f / 3f, 3, 5);
  }
}
