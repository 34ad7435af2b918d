package dev.tinyml.ops.kernels.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hand-computed values for each signal-library kernel, in TFLM's integer arithmetic. */
class SignalKernelsTest {

  @Test
  void windowShiftsProductsRightAndSaturates() {
    short[] out = new short[4];
    Window.eval(
        new short[] {1000, -1000, 32767, -32768},
        new short[] {16384, 16384, 32767, 32767},
        14,
        out);
    // 32767 * 32767 >> 14 = 65531 and -32768 * 32767 >> 14 = -65534 saturate.
    assertThat(out).containsExactly(1000, -1000, 32767, -32768);
  }

  @Test
  void windowShiftRoundsTowardMinusInfinityAndRepeatsPerFrame() {
    short[] out = new short[4];
    Window.eval(new short[] {-1, 3, -3, 5}, new short[] {1, 1}, 1, out);
    assertThat(out).containsExactly(-1, 1, -2, 2);
  }

  @Test
  void fftAutoScaleUsesAllFifteenBitsOfTheLargestMagnitude() {
    short[] out = new short[3];
    // max |x| = 300 has 9 bits: shift by 16 - 9 - 1 = 6.
    assertThat(FftAutoScale.eval(new short[] {100, -300, 5}, out)).isEqualTo(6);
    assertThat(out).containsExactly(6400, -19200, 320);
  }

  @Test
  void fftAutoScaleIgnoresMinus32768AsTflmsInt16MaximumDoes() {
    short[] out = new short[2];
    assertThat(FftAutoScale.eval(new short[] {-32768, 0}, out)).isZero();
    assertThat(out).containsExactly(-32768, 0);
  }

  @Test
  void rfftOfAnImpulseIsFlatAfterKissfftsScaling() {
    Rfft rfft = new Rfft(4, 3);
    short[] out = new short[12];
    // Two frames of 3 samples, each zero-padded to 4: kissfft divides by 4 in total.
    rfft.eval(new short[] {1000, 0, 0, 1000, 0, 0}, out);
    assertThat(out).containsExactly(250, 0, 250, 0, 250, 0, 250, 0, 250, 0, 250, 0);
  }

  @Test
  void energyWritesOnlyTheRequestedBins() {
    int[] out = {7, 0, 0};
    Energy.eval(new short[] {3, 4, -5, 12, 100, 100}, 1, 3, out);
    assertThat(out).containsExactly(7, 169, 20000);
  }

  @Test
  void energyOfFullScaleBinsWrapsIntoUnsigned32Bits() {
    int[] out = new int[1];
    Energy.eval(new short[] {-32768, -32768}, 0, 1, out);
    assertThat(Integer.toUnsignedLong(out[0])).isEqualTo(2L << 30);
  }

  @Test
  void filterBankCarriesEachBandsUnweightsIntoTheNextChannel() {
    long[] out = new long[2];
    FilterBank.eval(
        new int[] {10, 20, 30, 40},
        new short[] {4096, 1000, 2000, 500},
        new short[] {100, 3000, 4000, 50},
        new short[] {0, 1, 3},
        new short[] {0, 1, 3},
        new short[] {1, 2, 1},
        out);
    // Channel 0: unweight of band 0 (100 * 10) + weights of band 1 (1000 * 20 + 2000 * 30).
    // Channel 1: unweights of band 1 (3000 * 20 + 4000 * 30) + weight of band 2 (500 * 40).
    assertThat(out).containsExactly(81000L, 200000L);
  }

  @Test
  void squareRootRoundsThenShifts() {
    int[] out = new int[3];
    FilterBankSquareRoot.eval(new long[] {100, 1L << 40, 99}, 1, out);
    assertThat(out).containsExactly(5, 1 << 19, 5);
  }

  private static SpectralSubtraction subtraction(boolean clamping) {
    return new SpectralSubtraction(2, 1024, 15360, 2048, 14336, 1638, 10, 14, clamping);
  }

  @Test
  void spectralSubtractionSmoothsEvenAndOddChannelsDifferently() {
    SpectralSubtraction s = subtraction(false);
    int[] noise = new int[2];
    int[] out = new int[2];
    s.eval(new int[] {1000, 50}, out, noise);
    // Even: estimate (1000 << 10) * 1024 >> 14 = 64000, (1024000 - 64000) >> 10 = 937.
    // Odd: estimate (50 << 10) * 2048 >> 14 = 6400, (51200 - 6400) >> 10 = 43.
    assertThat(noise).containsExactly(64000, 6400);
    assertThat(out).containsExactly(937, 43);
    s.eval(new int[] {1000, 50}, out, noise);
    // (1024000 * 1024 + 64000 * 15360) >> 14 = 124000.
    assertThat(noise[0]).isEqualTo(124000);
    assertThat(out[0]).isEqualTo(878);
  }

  @Test
  void spectralSubtractionKeepsTheMinimumSignalFraction() {
    int[] noise = {2_000_000, 0};
    int[] out = new int[2];
    subtraction(false).eval(new int[] {1000, 0}, out, noise);
    // The estimate exceeds the signal, so only the floor (0.1 of the signal) remains.
    assertThat(out[0]).isEqualTo(1000 * 1638 >> 14);
  }

  @Test
  void spectralSubtractionClampsTheEstimateOnlyWhenAsked() {
    int[] kept = {64000, 0};
    subtraction(false).eval(new int[] {0, 0}, new int[2], kept);
    assertThat(kept[0]).isEqualTo(60000);
    int[] clamped = {64000, 0};
    subtraction(true).eval(new int[] {0, 0}, new int[2], clamped);
    assertThat(clamped[0]).isZero();
  }

  @Test
  void pcanGainsThenShrinksQuadraticallyBelowTwoAndLinearlyAbove() {
    short[] lut = new short[Pcan.LUT_SIZE];
    lut[1] = 4096;
    int[] out = new int[3];
    Pcan.eval(new int[] {1000, 10, 100}, new int[] {1, 1, 1}, lut, 6, out);
    // snr = x * 4096 >> 6 = 64x: 64000 -> 64000 >> 6 - 64; 640 and 6400 -> snr^2 >> 20.
    assertThat(out).containsExactly(936, 0, 39);
  }

  @Test
  void wideDynamicFunctionInterpolatesTheSegmentOfTheTopBit() {
    short[] lut = new short[Pcan.LUT_SIZE];
    lut[6] = 1000;
    lut[7] = 100;
    lut[8] = 10;
    // x = 6: top bit 3, segment at lut[6], frac = (6 << 8) & 0x3FF = 512:
    // ((10 * 512 >> 5) + (100 << 5)) * 512 + 2^14 >> 15 = 53, plus 1000.
    assertThat(Pcan.wideDynamicFunction(6, lut)).isEqualTo(1053);
    assertThat(Pcan.wideDynamicFunction(4, lut)).isEqualTo(1000);
  }

  @Test
  void filterBankLogScalesTheNaturalLogAndSaturates() {
    short[] out = new short[4];
    FilterBankLog.eval(new int[] {1 << 16, 1, 0, 1}, 0, 64, out);
    // ln(65536) * 64 = 709.78; TFLM's fixed point gives 710. 0 and 1 map to 0.
    assertThat(out).containsExactly(710, 0, 0, 0);
    FilterBankLog.eval(new int[] {1, 1 << 16, 0, 0}, 16, 64, out);
    assertThat(out[0]).isEqualTo((short) 710);
    FilterBankLog.eval(new int[] {1 << 16, 0, 0, 0}, 0, 4096, out);
    assertThat(out[0]).isEqualTo(Short.MAX_VALUE);
  }
}
