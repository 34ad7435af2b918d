package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Op-level int16 LOGISTIC and TANH against TFLM's logistic_test.cc and tanh_test.cc (int16 cases)
 * and hand-computed plans.
 */
class Int16LogisticTanhTest {

  private static final float IN_SCALE = 32f / 65536f;
  private static final float OUT_SCALE = 2f / 65536f;

  /** The tests' 177 inputs: -20 to 20 in steps of 40/176. */
  private static float[] wideRangeInputs() {
    float[] x = new float[177];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (-20.0 + 40.0 * i / 176.0);
    }
    return x;
  }

  private static short[] run(boolean logistic, float[] x) {
    short[] in = Quant.int16(x, IN_SCALE, 0);
    short[] out = new short[in.length];
    int[] scratch = new int[in.length];
    if (logistic) {
      Int16LogisticTanh.logistic(
          Int16LogisticTanh.prepareLogistic(IN_SCALE, 0, OUT_SCALE, 0),
          in,
          out,
          in.length,
          scratch);
    } else {
      Int16LogisticTanh.tanh(
          Int16LogisticTanh.prepareTanh(IN_SCALE, 0, OUT_SCALE, 0), in, out, in.length, scratch);
    }
    return out;
  }

  @Test
  void logisticPlanRescalesANonTableScaleToAFifteenBitMultiplier() {
    // 2^-11 * 3 * 4096 = 6, doubled 12 times to 24576 (the last value <= 32767 / 2 doubled).
    assertThat(Int16LogisticTanh.prepareLogistic(IN_SCALE, 0, OUT_SCALE, 0))
        .isEqualTo(new Int16LogisticTanh.Plan(24576, 12));
  }

  @Test
  void logisticPlanTakesTheTableScaleDirectly() {
    assertThat(Int16LogisticTanh.prepareLogistic(1f / 4096f, 0, OUT_SCALE, 0))
        .isEqualTo(new Int16LogisticTanh.Plan(0, 0));
  }

  @Test
  void tanhPlanTakesTwiceTheTableScaleAsAPowerOfTwo() {
    assertThat(Int16LogisticTanh.prepareTanh(IN_SCALE, 0, OUT_SCALE, 0))
        .isEqualTo(new Int16LogisticTanh.Plan(0, 1));
  }

  @Test
  void logisticMatchesTflmWideRangeGoldenWithinItsTolerance() {
    // LogisticQuantizedInt16ShouldMatchGolden: tolerance 16 of the quantized sigmoid.
    float[] x = wideRangeInputs();
    short[] out = run(true, x);
    for (int i = 0; i < x.length; i++) {
      double golden = 1.0 / (1.0 + Math.exp(-x[i]));
      assertThat(Math.abs(out[i] - Math.min(32767, Math.round(golden / OUT_SCALE))))
          .as("x = %s", x[i])
          .isLessThanOrEqualTo(16);
    }
  }

  @Test
  void tanhMatchesTflmWideRangeGoldenWithinItsTolerance() {
    // TestTanhInt16WideRange: tolerance 16 of the quantized tanh.
    float[] x = wideRangeInputs();
    short[] out = run(false, x);
    for (int i = 0; i < x.length; i++) {
      long golden = Math.max(-32768, Math.min(32767, Math.round(Math.tanh(x[i]) / OUT_SCALE)));
      assertThat(Math.abs(out[i] - golden)).as("x = %s", x[i]).isLessThanOrEqualTo(16);
    }
  }

  @Test
  void logisticOfZeroIsExactlyOneHalf() {
    assertThat(run(true, new float[] {0f})).containsExactly((short) 16384);
  }

  @Test
  void tanhOfZeroIsZeroAndSaturatesAtTheEnds() {
    assertThat(run(false, new float[] {0f, 20f, -20f}))
        .containsExactly((short) 0, (short) 32767, (short) -32767);
  }

  @Test
  void refusesAnOutputScaleOtherThanTwoToTheMinusFifteen() {
    assertThatThrownBy(() -> Int16LogisticTanh.prepareLogistic(IN_SCALE, 0, 1f / 256f, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2^-15");
  }

  @Test
  void refusesNonZeroZeroPoints() {
    assertThatThrownBy(() -> Int16LogisticTanh.prepareTanh(IN_SCALE, 3, OUT_SCALE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero point 0");
  }
}
