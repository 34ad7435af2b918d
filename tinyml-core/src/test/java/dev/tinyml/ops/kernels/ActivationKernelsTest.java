package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Int8 ELU (lookup table), HARD_SWISH and PRELU against TFLM's figures and the float kernels. */
class ActivationKernelsTest {

  // Expected values: TFLM tensorflow/lite/micro/kernels/elu_test.cc, EluTest
  // QuantizedActivationsOpTestEluInt8: range [-8, 8 * 127/128], TFLM's tolerance 2/256.
  @Test
  void int8EluMatchesTflm() {
    float min = -8f;
    float max = 8f * 127f / 128f;
    float scale = Quant.scale8(min, max);
    int zp = Quant.zeroPoint8(min, max);
    float[] in = {0, -6, 2, -4, 3, -2, 6, -0.1f};
    float[] expected = {0, -1, 2, -1, 3, -0.875f, 6, -0.125f};
    byte[] table = LookupTable.elu(scale, zp, scale, zp);
    byte[] out = new byte[8];
    LookupTable.eval(table, Quant.int8(in, scale, zp), out);
    float[] deq = Quant.dequantize(out, scale, zp);
    for (int i = 0; i < 8; i++) {
      assertThat(deq[i]).as("element %d", i).isCloseTo(expected[i], within(2f / 256f));
    }
  }

  // Hand-computed: with scale 1/16 and zero point 0, ELU(-1) = e^-1 - 1 = -0.63212 -> -10.11 ->
  // -10, ELU(0.5) = 0.5 -> 8.
  @Test
  void eluTableRoundsEachRequantizedValue() {
    byte[] table = LookupTable.elu(1f / 16, 0, 1f / 16, 0);
    assertThat(table[-16 + 128]).isEqualTo((byte) -10);
    assertThat(table[8 + 128]).isEqualTo((byte) 8);
    assertThat(table[-128 + 128]).isEqualTo((byte) -16);
  }

  // hard_swish_test.cc, HardSwishTest SimpleHardSwishTestInt8: TFLM's input/output ranges, random
  // inputs, float reference clamped to the output range, tolerance 1.5 steps of the wider range.
  @Test
  void int8HardSwishMatchesTheFloatReferenceWithinTflmsTolerance() {
    float[][] inRange = {{-0.375f, 1f}, {-2f, 1f}, {-5f, 10f}, {-40f, 60f}};
    float[][] outRange = {{-0.375f, 1f}, {-0.375f, 1f}, {-0.375f, 10f}, {-0.375f, 60f}};
    Random r = new Random(7);
    for (int k = 0; k < 4; k++) {
      float inScale = Quant.scale8(inRange[k][0], inRange[k][1]);
      int inZp = Quant.zeroPoint8(inRange[k][0], inRange[k][1]);
      float outScale = Quant.scale8(outRange[k][0], outRange[k][1]);
      int outZp = Quant.zeroPoint8(outRange[k][0], outRange[k][1]);
      float tolerance =
          Math.max(inRange[k][1] - inRange[k][0], outRange[k][1] - outRange[k][0]) * 1.5f / 256f;
      float[] x = Quant.uniform(r, 101, inRange[k][0], inRange[k][1]);
      byte[] q = Quant.int8(x, inScale, inZp);
      byte[] out = new byte[101];
      HardSwish.eval(HardSwish.plan(inScale, inZp, outScale, outZp), q, out);
      float[] deq = Quant.dequantize(out, outScale, outZp);
      for (int i = 0; i < 101; i++) {
        float ref = UnaryMath.apply(UnaryMath.Function.HARD_SWISH, x[i]);
        ref = Math.min(outRange[k][1], Math.max(outRange[k][0], ref));
        assertThat(deq[i]).as("range %d element %d", k, i).isCloseTo(ref, within(tolerance));
      }
    }
  }

  // prelu_test.cc, PreluTest FloatPreluActivationsOpTest (exact; a negative input times alpha 0 is
  // -0 in C++ too, which TFLM's EXPECT_EQ takes as equal to its golden 0).
  @Test
  void floatPreluScalesNegativesByTheBroadcastAlpha() {
    Prelu.Plan p = Prelu.planFloat(new int[] {2, 2, 3}, new int[] {1, 1, 3});
    float[] out = new float[12];
    Prelu.eval(
        p, new float[] {0, 0, 0, 1, 1, 1, -1, -1, -1, -2, -2, -2}, new float[] {0, 1, 2}, out);
    assertThat(out).containsExactly(0, 0, 0, 1, 1, 1, -0f, -1, -2, -0f, -2, -4);
  }

  static final float[] PRELU_IN = {0, 0, 0, 0.5f, 0.5f, 0.5f, -1, -1, -1, -0.25f, -0.25f, -0.25f};
  static final float[] PRELU_ALPHA = {0, 0.5f, -0.5f};
  static final float[] PRELU_OUT = {0, 0, 0, 0.5f, 0.5f, 0.5f, 0, -0.5f, 0.5f, 0, -0.125f, 0.125f};

  // prelu_test.cc, QuantizedInt8PreluActivationsOpTest (scale 2/255, zero point 0; TFLM's
  // tolerance 2/256 on the dequantized output).
  @Test
  void int8PreluMatchesTflm() {
    float s = 2f / 255f;
    Prelu.Plan p = Prelu.planQuantized(new int[] {2, 2, 3}, s, 0, new int[] {1, 1, 3}, s, 0, s, 0);
    byte[] out = new byte[12];
    Prelu.eval(p, Quant.int8(PRELU_IN, s, 0), Quant.int8(PRELU_ALPHA, s, 0), out);
    float[] deq = Quant.dequantize(out, s, 0);
    for (int i = 0; i < 12; i++) {
      assertThat(deq[i]).as("element %d", i).isCloseTo(PRELU_OUT[i], within(2f / 256f));
    }
  }

  // prelu_test.cc, QuantizedInt16PreluActivationsOpTest (int16 input/output 2/65535, int8 alpha
  // 2/255), tolerance 2/256.
  @Test
  void int16PreluMatchesTflm() {
    float s = 2f / 65535f;
    float sa = 2f / 255f;
    Prelu.Plan p = Prelu.planQuantized(new int[] {2, 2, 3}, s, 0, new int[] {1, 1, 3}, sa, 0, s, 0);
    short[] out = new short[12];
    Prelu.eval(p, Quant.int16(PRELU_IN, s, 0), Quant.int8(PRELU_ALPHA, sa, 0), out);
    float[] deq = Quant.dequantize(out, s, 0);
    for (int i = 0; i < 12; i++) {
      assertThat(deq[i]).as("element %d", i).isCloseTo(PRELU_OUT[i], within(2f / 256f));
    }
  }
}
