package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived values for the frontend's rounding and wrap-around paths that only some frames
 * reach. Each expected value follows from the C library's integer semantics, as the comments show.
 */
class FrontendEdgePathsTest {
  private static final MicroFrontendConfig MICRO_SPEECH = MicroFrontendConfig.microSpeech();
  private static final int SPECTRUM = 257; // 512-point FFT

  /** The channels of a spectrum that is zero except for one bin. */
  private static long[] channelsOfOneBin(int bin, short re, short im) {
    FrontendFilterbank filterbank = new FrontendFilterbank(MICRO_SPEECH, 16000, SPECTRUM);
    short[] real = new short[SPECTRUM];
    short[] imag = new short[SPECTRUM];
    real[bin] = re;
    imag[bin] = im;
    long[] out = new long[MICRO_SPEECH.numChannels()];
    filterbank.apply(real, imag, new int[filterbank.endIndex()], 0, out);
    return out;
  }

  @Test
  void filterbankWeightsAreTflmsAtTheBinsTheBandEdgeUlpDecides() {
    // TFLM's FilterbankPopulateState gives bin 149 the weight 2471 (unweight 1625) and bin 221
    // the weight 1401 (unweight 2695); a correctly rounded log1p gives 2470/1626 and 1400/2696.
    // A bin of amplitude 100 has energy 10^4, so the channels are sqrt(w * 10^4) rounded:
    // sqrt(24710000): 4970^2 = 24700900, remainder 9100 > 4970, so 4971 (2470 would give 4970);
    // sqrt(16250000): 4031^2 = 16248961, remainder 1039 <= 4031, so 4031 (1626: 4032).
    long[] low = channelsOfOneBin(149, (short) 100, (short) 0);
    assertThat(low[32]).isEqualTo(4971);
    assertThat(low[33]).isEqualTo(4031);
    // sqrt(14010000): 3742^2 = 14002564, remainder 7436 > 3742, so 3743 (1400 would give 3742);
    // sqrt(26950000): 5191^2 = 26946481, remainder 3519 <= 5191, so 5191 (2696: 5192).
    long[] high = channelsOfOneBin(221, (short) 100, (short) 0);
    assertThat(high[38]).isEqualTo(3743);
    assertThat(high[39]).isEqualTo(5191);
  }

  @Test
  void fullScaleNegativeBinWrapsItsEnergyAndIsSignExtendedIntoTheAccumulator() {
    // (-32768)^2 + (-32768)^2 = 2^31 wraps to -2^31 in int32; the C cast to uint64 sign-extends
    // it to 2^64 - 2^31, and 2471 * that wraps to 2^64 - 2471 * 2^31. Its root is
    // 2^32 sqrt(1 - 2471 * 2^-33) = 2^32 - 617.75 - (a few 1e-5), rounded to 2^32 - 618;
    // with 1625: 2^32 - 406.25 - ..., which the rounding step takes up to 2^32 - 406.
    long[] channels = channelsOfOneBin(149, Short.MIN_VALUE, Short.MIN_VALUE);

    assertThat(channels[32]).isEqualTo((1L << 32) - 618);
    assertThat(channels[33]).isEqualTo((1L << 32) - 406);
  }

  @Test
  void noiseEstimateAboveTheSignalLeavesOnlyTheMinimumSignal() {
    // Even channels smooth with (uint16)(0.025f * 2^14) = 409, so 1 - smoothing is 15975; the
    // floor is signal * (uint16)(0.05f * 2^14) = signal * 819 >> 14.
    // Frame 1, signal 100000: scaled up 102400000, estimate 102400000 * 409 >> 14 = 2556250.
    // Frame 2, signal 1000: scaled up 1024000, estimate (1024000 * 409 + 2556250 * 15975) >> 14
    // = 41254909750 >> 14 = 2517999, which exceeds the signal, so nothing is subtracted beyond
    // it and the output is the floor 819000 >> 14 = 49. The stored estimate is not clamped.
    NoiseReduction noiseReduction = new NoiseReduction(MICRO_SPEECH);
    long[] loud = new long[MICRO_SPEECH.numChannels()];
    Arrays.fill(loud, 100_000);
    noiseReduction.apply(loud);
    long[] quiet = new long[MICRO_SPEECH.numChannels()];
    Arrays.fill(quiet, 1000);

    noiseReduction.apply(quiet);

    assertThat(quiet[0]).isEqualTo(49);
    assertThat(noiseReduction.estimate()[0]).isEqualTo(2_517_999);
  }

  @Test
  void noiseReductionScaleUpWrapsAt32Bits() {
    // (2^22 + 1) << 10 = 2^32 + 1024 wraps to 1024 in uint32. The estimate is 1024 * 409 >> 14
    // = 25, the subtraction (1024 - 25) >> 10 = 0, so the floor (2^22 + 1) * 819 >> 14 =
    // 3435135795 >> 14 = 209664 is the output.
    NoiseReduction noiseReduction = new NoiseReduction(MICRO_SPEECH);
    long[] signal = new long[MICRO_SPEECH.numChannels()];
    Arrays.fill(signal, (1L << 22) + 1);

    noiseReduction.apply(signal);

    assertThat(signal[0]).isEqualTo(209_664);
    assertThat(noiseReduction.estimate()[0]).isEqualTo(25);
  }

  @Test
  void logScaleWrapsRatherThanSaturatesWhenTheOutputShiftOverflows() {
    // ln 3 with scale shift 16: log2(3) = 1 + (2^15 + kLogLut[64] = 5568) / 2^16 -> 103872;
    // to ln: (45426 * 103872 + 2^15) >> 16 = 4718522240 >> 16 = 71998; then (71998 << 16)
    // wraps in uint32 to 423493632, and (423493632 + 2^15) >> 16 = 6462, nowhere near 65535.
    assertThat(LogScale.log(3, 16)).isEqualTo(6462);
  }
}
