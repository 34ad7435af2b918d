package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantMathTest {

  @Test
  void roundsHalfAwayFromZeroUnlikeMathRound() {
    assertThat(QuantMath.roundHalfAwayFromZero(2.5)).isEqualTo(3);
    assertThat(QuantMath.roundHalfAwayFromZero(-2.5)).isEqualTo(-3);
    assertThat(Math.round(-2.5)).isEqualTo(-2);
    assertThat(QuantMath.roundHalfAwayFromZero(-0.5)).isEqualTo(-1);
    assertThat(QuantMath.roundHalfAwayFromZero(0.49999999999999994)).isZero();
    assertThat(QuantMath.roundHalfAwayFromZero(-2.4999)).isEqualTo(-2);
  }

  @Test
  void symmetricUnitRangeGetsScaleTwoOver255AndZeroPointMinusOne() {
    // scale = (1 - (-1)) / 255 = 0.007843138f; zero point from min = -128 + 1 / scale
    // = -0.50000757 (the float scale is a hair below 2/255), which rounds to -1.
    QuantParams p = QuantMath.activationParams(-1, 1);
    assertThat(p.scale()).isEqualTo(2f / 255f);
    assertThat(p.zeroPoint()).isEqualTo(-1);
  }

  @Test
  void nonNegativeRangeIsWidenedToZeroAndPutsZeroPointAtMinus128() {
    QuantParams relu6 = QuantMath.activationParams(0, 6);
    assertThat(relu6.scale()).isEqualTo(6f / 255f);
    assertThat(relu6.zeroPoint()).isEqualTo(-128);
    // [2, 5] does not hold 0: it becomes [0, 5].
    QuantParams shifted = QuantMath.activationParams(2, 5);
    assertThat(shifted.scale()).isEqualTo(5f / 255f);
    assertThat(shifted.zeroPoint()).isEqualTo(-128);
  }

  @Test
  void nonPositiveRangeIsWidenedToZeroAndPutsZeroPointAt127() {
    // [-3, -1] becomes [-3, 0]: zero point from min = -128 + 3 / (3/255) = 126.99999 -> 127.
    QuantParams p = QuantMath.activationParams(-3, -1);
    assertThat(p.scale()).isEqualTo(3f / 255f);
    assertThat(p.zeroPoint()).isEqualTo(127);
  }

  @Test
  void zeroPointIsNudgedToTheNearestInteger() {
    // [-0.5, 1.5]: scale 2/255, zero point from min = -128 + 63.75 = -64.25 -> -64.
    assertThat(QuantMath.activationParams(-0.5, 1.5).zeroPoint()).isEqualTo(-64);
    // [-10, 0.1]: scale 10.1/255 = 0.039607845, from min -128 + 252.475 = 124.475 -> 124.
    QuantParams p = QuantMath.activationParams(-10, 0.1);
    assertThat(p.scale()).isEqualTo(10.1f / 255f);
    assertThat(p.zeroPoint()).isEqualTo(124);
    // Real 0 is exactly representable.
    assertThat(p.dequantize(p.zeroPoint())).isZero();
  }

  @Test
  void allZeroRangeIsWidenedToOneMillionthSoTheScaleStaysPositive() {
    // [0, 0] becomes [-5e-7, 5e-7]: scale 1e-6 / 255, zero point from min -0.49999 -> 0.
    QuantParams p = QuantMath.activationParams(0, 0);
    assertThat(p.scale()).isEqualTo(3.9215684e-9f);
    assertThat(p.zeroPoint()).isZero();
  }

  @Test
  void nonFiniteOrInvertedRangesAreRejectedWithTheRangeInTheMessage() {
    assertThatThrownBy(() -> QuantMath.activationParams(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> QuantMath.activationParams(2, 1))
        .hasMessageContaining("min > max")
        .hasMessageContaining("[2.0, 1.0]");
  }

  @Test
  void quantizeRoundsTiesAwayFromZeroAndClamps() {
    QuantParams p = new QuantParams(0.5f, 3);
    assertThat(p.quantize(0.25f)).isEqualTo(4); // 0.5 -> 1, + 3
    assertThat(p.quantize(-0.25f)).isEqualTo(2); // -0.5 -> -1, + 3
    assertThat(p.quantize(1000f)).isEqualTo(127);
    assertThat(p.quantize(-1000f)).isEqualTo(-128);
    assertThat(p.dequantize(5)).isEqualTo(1.0f);
    assertThat(p.realMin()).isEqualTo(-65.5f);
    assertThat(p.realMax()).isEqualTo(62f);
  }

  @Test
  void arraysQuantizeAndDequantizeWithOffsets() {
    QuantParams p = new QuantParams(0.1f, -10);
    float[] src = {9f, 0f, 0.1f, -0.25f, 9f};
    byte[] dst = new byte[5];
    QuantMath.quantize(src, 1, dst, 2, 3, p);
    assertThat(dst).containsExactly(0, 0, -10, -9, -13);
    assertThat(QuantMath.dequantize(new byte[] {-10, -9, 0}, p)).containsExactly(0f, 0.1f, 1.0f);
  }

  @Test
  void perChannelWeightsUseEachChannelsMaxMagnitudeOver127() {
    // shape [2, 1, 1, 2], axis 0: channel 0 = {1.0, -0.5}, channel 1 = {0.25, 0.1}.
    float[] w = {1.0f, -0.5f, 0.25f, 0.1f};
    QuantizedWeights q = QuantMath.quantizeWeightsPerChannel(w, new int[] {2, 1, 1, 2}, 0);
    assertThat(q.scales()).containsExactly(1f / 127f, 0.25f / 127f);
    // Channel 0: inverse scale 127, -0.5 * 127 = -63.5 -> -64 (ties away from zero).
    // Channel 1: inverse scale 508, 0.1 * 508 = 50.8 -> 51.
    assertThat(q.values()).containsExactly(127, -64, 127, 51);
    assertThat(q.axis()).isZero();
    assertThat(q.perChannel()).isTrue();
  }

  @Test
  void depthwiseWeightsAreQuantizedAlongTheLastAxis() {
    // shape [1, 2, 1, 2] (1HWC), axis 3: channel 0 = {2, -1}, channel 1 = {0, 0.5}.
    float[] w = {2f, 0f, -1f, 0.5f};
    QuantizedWeights q = QuantMath.quantizeWeightsPerChannel(w, new int[] {1, 2, 1, 2}, 3);
    assertThat(q.scales()).containsExactly(2f / 127f, 0.5f / 127f);
    assertThat(q.values()).containsExactly(127, 0, -64, 127);
    assertThat(QuantMath.dequantize(q, new int[] {1, 2, 1, 2}))
        .containsExactly(2f, 0f, -64 * (2f / 127f), 0.5f);
  }

  @Test
  void allZeroWeightChannelGetsATinyPositiveScaleAndZeroValues() {
    QuantizedWeights q =
        QuantMath.quantizeWeightsPerChannel(new float[] {0, 0}, new int[] {2, 1}, 0);
    assertThat(q.scales()).containsExactly(3.937008e-9f, 3.937008e-9f);
    assertThat(q.values()).containsExactly(0, 0);
  }

  @Test
  void perTensorWeightsShareOneScale() {
    QuantizedWeights q = QuantMath.quantizeWeightsPerTensor(new float[] {-0.5f, 0.25f, 1f});
    assertThat(q.scales()).containsExactly(1f / 127f);
    assertThat(q.values()).containsExactly(-64, 32, 127); // 31.75 -> 32
    assertThat(q.perChannel()).isFalse();
  }

  @Test
  void nanWeightIsRejectedNamingItsIndex() {
    assertThatThrownBy(
            () -> QuantMath.quantizeWeightsPerChannel(new float[] {1, Float.NaN}, new int[] {2}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flat index 1")
        .hasMessageContaining("NaN");
    assertThatThrownBy(
            () -> QuantMath.quantizeWeightsPerTensor(new float[] {Float.POSITIVE_INFINITY}))
        .hasMessageContaining("Infinity");
  }

  @Test
  void weightShapeMustMatchTheArray() {
    assertThatThrownBy(() -> QuantMath.quantizeWeightsPerChannel(new float[3], new int[] {2, 2}, 0))
        .hasMessageContaining("[2, 2] holds 4 values but the array has 3");
  }

  @Test
  void biasScaleIsInputScaleTimesWeightScaleAndTiesRoundAway() {
    float[] scales = QuantMath.biasScales(0.5f, new float[] {0.25f, 0.125f}, 2);
    assertThat(scales).containsExactly(0.125f, 0.0625f);
    // 1.0 / 0.125 = 8; -0.03125 / 0.0625 = -0.5 -> -1.
    assertThat(QuantMath.quantizeBias(new float[] {1.0f, -0.03125f}, scales))
        .containsExactly(8, -1);
    // A per-tensor weight scale serves every channel.
    assertThat(QuantMath.biasScales(2f, new float[] {0.5f}, 3)).containsExactly(1f, 1f, 1f);
  }

  @Test
  void weightRangeIsWidenedWhenTheBiasWouldOverflowInt32() {
    double inputScale = 2f / 255f;
    // All-zero weights (scale 1e-6/254) under a bias of 2.5: 2.5 >= 0.5 * inputScale * scale *
    // (2^31 - 1) = 0.033, so the range becomes 2 * 2.5 / (2^31 - 1) * 127 / inputScale.
    assertThat(QuantMath.minWeightRangeForBias(2.5, inputScale, 0))
        .isCloseTo(2 * 2.5 / Integer.MAX_VALUE * 127 / inputScale, within(1e-15));
    // An ordinary bias leaves the weights' own range alone.
    assertThat(QuantMath.minWeightRangeForBias(0.01, inputScale, 1.0)).isEqualTo(1.0);
    // With the widened range the bias lands near half the int32 range instead of clamping.
    double range = QuantMath.minWeightRangeForBias(2.5, inputScale, 0);
    float weightScale = QuantMath.quantizeWeightsPerTensor(new float[] {0f, 0f}, range).scales()[0];
    int q =
        QuantMath.quantizeBias(new float[] {2.5f}, new float[] {(float) inputScale * weightScale})[
            0];
    assertThat(q).isBetween(1_000_000_000, 1_100_000_000);
  }

  @Test
  void biasIsClampedSymmetricallyToInt32() {
    int[] q = QuantMath.quantizeBias(new float[] {1e10f, -1e10f}, new float[] {1f, 1f});
    assertThat(q).containsExactly(Integer.MAX_VALUE, -Integer.MAX_VALUE);
  }

  @Test
  void quantizedValuesReconstructWithinHalfAStep() {
    QuantParams p = QuantMath.activationParams(-3, 5);
    for (float x = -3f; x <= 5f; x += 0.013f) {
      assertThat((double) p.dequantize(p.quantize(x))).isCloseTo(x, within(p.scale() / 2 + 1e-6));
    }
  }
}
