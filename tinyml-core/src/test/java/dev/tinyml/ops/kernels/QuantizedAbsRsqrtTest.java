package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantizedAbsRsqrtTest {

  static final float[] INPUT = {15, 46, 78, -142, -1, -17, -49, 113};
  static final float[] ABS = {15, 46, 78, 142, 1, 17, 49, 113};

  static void assertWithin(float[] actual, float[] expected, float tolerance) {
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i])
          .as("element %d", i)
          .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(tolerance));
    }
  }

  // Expected values: TFLM tensorflow/lite/micro/kernels/elementwise_test.cc, ElementwiseTest
  // AbsInt8 (rescaled) and AbsInt8SameScale; TFLM checks within the input scale.
  @Test
  void int8AbsMatchesTflmWithAndWithoutRescale() {
    float inScale = (113f - -142f) / 255f;
    int inZp = 127 - 113;
    float outScale = 142f / 255f;
    byte[] q = Quant.int8(INPUT, inScale, inZp);
    QuantizedAbsRsqrt.Plan p = QuantizedAbsRsqrt.planAbs(inScale, inZp, outScale, -128, 8);
    byte[] out = new byte[8];
    QuantizedAbsRsqrt.eval(p, false, q, out);
    assertWithin(Quant.dequantize(out, outScale, -128), ABS, inScale);

    QuantizedAbsRsqrt.Plan same = QuantizedAbsRsqrt.planAbs(inScale, inZp, inScale, -128, 8);
    QuantizedAbsRsqrt.eval(same, false, q, out);
    assertWithin(Quant.dequantize(out, inScale, -128), ABS, inScale);
  }

  // elementwise_test.cc, AbsInt16.
  @Test
  void int16AbsMatchesTflm() {
    float inScale = 142f / 32767;
    float outScale = 150f / 32767;
    short[] out = new short[8];
    QuantizedAbsRsqrt.eval(
        QuantizedAbsRsqrt.planAbs(inScale, 0, outScale, 0, 16),
        false,
        Quant.int16(INPUT, inScale, 0),
        out);
    assertWithin(Quant.dequantize(out, outScale, 0), ABS, inScale);
  }

  static final float[] RSQRT_IN = {15, 46, 78, 142, 1, 17, 49, 113};
  static final float[] RSQRT = {
    0.2582f, 0.14744f, 0.11323f, 0.08392f, 1, 0.24254f, 0.142857f, 0.09407f
  };

  // elementwise_test.cc, RsqrtInt8 and RsqrtInt16.
  @Test
  void rsqrtMatchesTflmInInt8AndInt16() {
    float inScale = (float) (142.0 / 255.0);
    float outScale = (float) (1.0 / 255.0);
    int inZp = 127 - 142;
    byte[] out = new byte[8];
    QuantizedAbsRsqrt.eval(
        QuantizedAbsRsqrt.planRsqrt(inScale, inZp, outScale, -128, 8),
        true,
        Quant.int8(RSQRT_IN, inScale, inZp),
        out);
    assertWithin(Quant.dequantize(out, outScale, -128), RSQRT, inScale);

    float inScale16 = (float) (142.0 / 32768.0);
    float outScale16 = (float) (1.0 / 32768.0);
    short[] out16 = new short[8];
    QuantizedAbsRsqrt.eval(
        QuantizedAbsRsqrt.planRsqrt(inScale16, 0, outScale16, 0, 16),
        true,
        Quant.int16(RSQRT_IN, inScale16, 0),
        out16);
    assertWithin(Quant.dequantize(out16, outScale16, 0), RSQRT, inScale16);
  }

  // elementwise_test.cc, RsqrtNanInt8: a negative input fails the invoke.
  @Test
  void rsqrtRefusesInputsBelowTheZeroPoint() {
    QuantizedAbsRsqrt.Plan p = QuantizedAbsRsqrt.planRsqrt(0.5f, -15, 1f / 255, -128, 8);
    assertThatThrownBy(() -> QuantizedAbsRsqrt.rsqrt(p, -16)).hasMessageContaining("non-negative");
  }

  // Hand-computed: significand * 2^exponent / 2^31 is 1/sqrt(x) to the precision of TFLite's
  // five Newton-Raphson steps in Q3 (about 2e-6 relative).
  @Test
  void inverseSquareRootIsAccurate() {
    for (int x : new int[] {2, 4, 7, 16, 1000, 1 << 20, Integer.MAX_VALUE}) {
      int[] r = QuantizedAbsRsqrt.invSqrt(x);
      double value = r[0] / Math.pow(2, 31) * Math.pow(2, r[1]);
      assertThat(value * Math.sqrt(x)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(5e-6));
    }
  }
}
