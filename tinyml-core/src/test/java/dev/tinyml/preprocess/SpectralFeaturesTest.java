package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpectralFeaturesTest {

  private static float[] tone(double hz, int rate, int n, double amplitude) {
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static SpectralConfig rectangular(boolean power) {
    return new SpectralConfig(
        16000,
        512,
        256,
        512,
        WindowFunction.RECTANGULAR,
        true,
        power,
        40,
        20,
        8000,
        MelScale.HTK,
        false,
        1e-6f,
        10,
        0);
  }

  @Test
  void pureTonePeaksInItsFftBin() {
    // 1 kHz at 16 kHz with a 512-point FFT: 31.25 Hz per bin, so bin 32.
    SpectralFeatures spec =
        new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.SPECTROGRAM);

    float[][] frames = spec.compute(tone(1000, 16000, 16000, 0.5));

    assertThat(frames).hasNumberOfRows(49);
    for (float[] frame : frames) {
      assertThat(argmax(frame)).isEqualTo(32);
    }
  }

  @Test
  void pureTonePeaksInTheMelBandAroundIt() {
    SpectralConfig config = SpectralConfig.defaults();
    MelFilterbank bank = new MelFilterbank(16000, 512, 40, 20, 4000, MelScale.HTK, false);
    float[][] matrix = bank.matrix(257);
    SpectralFeatures logMel = new SpectralFeatures(config, FeatureKind.LOG_MEL);

    float[] frame = logMel.compute(tone(1000, 16000, 480, 0.5))[0];

    // The band whose triangle weighs bin 32 (1 kHz) most is the band the tone peaks in.
    int expected = 0;
    for (int b = 1; b < 40; b++) {
      if (matrix[b][32] > matrix[expected][32]) {
        expected = b;
      }
    }
    assertThat(argmax(frame)).isEqualTo(expected);
    double centre =
        MelScale.HTK.melToHz(
            MelScale.HTK.hzToMel(20)
                + (expected + 1) * (MelScale.HTK.hzToMel(4000) - MelScale.HTK.hzToMel(20)) / 41);
    assertThat(centre).isCloseTo(1000, within(60.0));
  }

  @Test
  void parsevalHoldsForThePowerSpectrum() {
    Random random = new Random(7);
    float[] x = new float[512];
    double energy = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
      energy += x[i] * x[i];
    }
    SpectralFeatures spec = new SpectralFeatures(rectangular(true), FeatureKind.SPECTROGRAM);

    float[] p = spec.compute(x)[0];

    double sum = p[0] + p[256];
    for (int k = 1; k < 256; k++) {
      sum += 2 * p[k];
    }
    assertThat(sum / 512).isCloseTo(energy, within(energy * 1e-4));
  }

  @Test
  void magnitudeIsTheSquareRootOfPower() {
    float[] x = tone(440, 16000, 512, 0.3);
    float[] power = new SpectralFeatures(rectangular(true), FeatureKind.SPECTROGRAM).compute(x)[0];
    float[] magnitude =
        new SpectralFeatures(rectangular(false), FeatureKind.SPECTROGRAM).compute(x)[0];

    for (int k = 0; k < power.length; k++) {
      assertThat(magnitude[k] * magnitude[k]).isCloseTo(power[k], within(1e-3f + power[k] * 1e-4f));
    }
  }

  @Test
  void dctIsOrthonormal() {
    int n = 40;
    Dct dct = new Dct(n, n);
    float[][] rows = new float[n][n];
    for (int j = 0; j < n; j++) {
      float[] unit = new float[n];
      unit[j] = 1;
      float[] column = new float[n];
      dct.apply(unit, 0, column);
      for (int k = 0; k < n; k++) {
        rows[k][j] = column[k];
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double dot = 0;
        for (int j = 0; j < n; j++) {
          dot += rows[a][j] * rows[b][j];
        }
        assertThat(dot).isCloseTo(a == b ? 1.0 : 0.0, within(1e-5));
      }
    }
  }

  @Test
  void dctOfAConstantIsOnlyItsFirstCoefficient() {
    float[] in = new float[10];
    java.util.Arrays.fill(in, 2f);
    float[] out = new float[10];

    new Dct(10, 10).apply(in, 0, out);

    assertThat(out[0]).isCloseTo((float) (2 * Math.sqrt(10)), within(1e-5f));
    for (int k = 1; k < 10; k++) {
      assertThat(out[k]).isCloseTo(0f, within(1e-5f));
    }
  }

  @Test
  void mfccIsTheOrthonormalDctOfLogMel() {
    float[] x = tone(700, 16000, 480, 0.2);
    float[] logMel =
        new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.LOG_MEL).compute(x)[0];
    float[] mfcc = new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC).compute(x)[0];

    float[] expected = new float[10];
    new Dct(40, 10).apply(logMel, 0, expected);

    assertThat(mfcc).containsExactly(expected, within(1e-4f));
  }

  @Test
  void lifteringScalesCoefficientsByTheHtkLifter() {
    SpectralConfig plain = SpectralConfig.defaults();
    SpectralConfig liftered =
        new SpectralConfig(
            16000,
            480,
            320,
            512,
            WindowFunction.HANN,
            true,
            false,
            40,
            20,
            4000,
            MelScale.HTK,
            false,
            1e-6f,
            10,
            22);
    float[] x = tone(900, 16000, 480, 0.2);

    float[] a = new SpectralFeatures(plain, FeatureKind.MFCC).compute(x)[0];
    float[] b = new SpectralFeatures(liftered, FeatureKind.MFCC).compute(x)[0];

    for (int n = 0; n < 10; n++) {
      double w = 1 + 11 * Math.sin(Math.PI * n / 22);
      assertThat(b[n]).isCloseTo((float) (a[n] * w), within(1e-3f));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = FeatureKind.class,
      names = {"SPECTROGRAM", "LOG_MEL", "MFCC"})
  void streamingInRandomChunksEqualsBatch(FeatureKind kind) {
    float[] x = Wav.read(Fixtures.path("audio/micro_speech/yes_1000ms.wav")).samples();
    SpectralFeatures features = new SpectralFeatures(SpectralConfig.defaults(), kind);
    float[][] batch = features.compute(x);
    Random random = new Random(11);
    for (int trial = 0; trial < 10; trial++) {
      SpectralStream stream = new SpectralFeatures(SpectralConfig.defaults(), kind).stream();
      List<float[]> frames = new ArrayList<>();
      int pos = 0;
      while (pos < x.length) {
        int n = Math.min(x.length - pos, 1 + random.nextInt(trial < 5 ? 7 : 2000));
        frames.addAll(stream.accept(x, pos, n));
        pos += n;
      }
      assertThat(frames.toArray(float[][]::new)).isDeepEqualTo(batch);
    }
  }

  @Test
  void streamingPcmChunksEqualsBatchOnTheClip() {
    AudioClip clip = Wav.read(Fixtures.path("audio/micro_speech/no_1000ms.wav"));
    short[] pcm = clip.toPcm16();
    SpectralFeatures features = new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC);
    float[][] batch = features.compute(clip.samples());
    SpectralStream stream =
        new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC).stream();
    Random random = new Random(5);
    List<float[]> frames = new ArrayList<>();
    int pos = 0;
    while (pos < pcm.length) {
      int n = Math.min(pcm.length - pos, 1 + random.nextInt(3000));
      frames.addAll(stream.accept(pcm, pos, n));
      pos += n;
    }

    assertThat(frames.toArray(float[][]::new)).isDeepEqualTo(batch);
  }

  @Test
  void streamingWithAStepLongerThanTheFrameSkipsSamplesLikeBatch() {
    SpectralConfig sparse =
        new SpectralConfig(
            16000,
            256,
            400,
            256,
            WindowFunction.HAMMING,
            false,
            true,
            20,
            0,
            8000,
            MelScale.SLANEY,
            true,
            1e-6f,
            13,
            0);
    float[] x = tone(300, 16000, 5000, 0.5);
    float[][] batch = new SpectralFeatures(sparse, FeatureKind.MFCC).compute(x);
    SpectralStream stream = new SpectralFeatures(sparse, FeatureKind.MFCC).stream();
    List<float[]> frames = new ArrayList<>();
    for (int pos = 0; pos < x.length; pos += 333) {
      frames.addAll(stream.accept(x, pos, Math.min(333, x.length - pos)));
    }

    assertThat(frames.toArray(float[][]::new)).isDeepEqualTo(batch);
  }

  @Test
  void trailingPartialFrameYieldsNothing() {
    SpectralFeatures f = new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC);

    assertThat(f.frameCount(16000)).isEqualTo(49);
    assertThat(f.compute(new float[479])).isEmpty();
  }

  @Test
  void windowsHaveTheirTextbookValues() {
    assertThat(WindowFunction.HANN.coefficients(5, false))
        .containsExactly(new float[] {0f, 0.5f, 1f, 0.5f, 0f}, within(1e-6f));
    assertThat(WindowFunction.HANN.coefficients(4, true))
        .containsExactly(new float[] {0f, 0.5f, 1f, 0.5f}, within(1e-6f));
    float[] hamming = WindowFunction.HAMMING.coefficients(9, false);
    assertThat(hamming[0]).isCloseTo(0.08f, within(1e-6f));
    assertThat(hamming[4]).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void melScalesHaveTheirReferenceValues() {
    assertThat(MelScale.HTK.hzToMel(1000)).isCloseTo(999.9856, within(1e-3));
    assertThat(MelScale.SLANEY.hzToMel(1000)).isCloseTo(15.0, within(1e-9));
    assertThat(MelScale.SLANEY.hzToMel(500)).isCloseTo(7.5, within(1e-9));
    assertThat(MelScale.SLANEY.hzToMel(6400)).isCloseTo(42.0, within(1e-9));
    for (MelScale scale : MelScale.values()) {
      assertThat(scale.melToHz(scale.hzToMel(3456.0))).isCloseTo(3456.0, within(1e-6));
    }
  }

  @Test
  void slaneyNormalisedBandsHaveEqualArea() {
    // Area of a triangle of height 2/(hi-lo) over [lo, hi] is 1; in bins of width 1 Hz it is 1/Hz.
    MelFilterbank bank = new MelFilterbank(16000, 4096, 20, 300, 7000, MelScale.SLANEY, true);
    float[][] m = bank.matrix(2049);
    double binHz = 16000.0 / 4096;
    for (float[] band : m) {
      double area = 0;
      for (float w : band) {
        area += w * binHz;
      }
      assertThat(area).isCloseTo(1.0, within(0.02));
    }
  }

  @Test
  void htkBandsPeakAtOne() {
    float[][] m = new MelFilterbank(16000, 512, 40, 20, 4000, MelScale.HTK, false).matrix(257);
    for (float[] band : m) {
      float max = 0;
      for (float w : band) {
        max = Math.max(max, w);
      }
      assertThat(max).isBetween(0.5f, 1f);
    }
  }

  @Test
  void deltasOfALinearRampAreItsSlope() {
    float[][] frames = new float[10][2];
    for (int t = 0; t < 10; t++) {
      frames[t][0] = 3 * t;
      frames[t][1] = -t;
    }

    float[][] d = Deltas.compute(frames, Deltas.DEFAULT_WIDTH);

    for (int t = 2; t < 8; t++) {
      assertThat(d[t][0]).isCloseTo(3f, within(1e-5f));
      assertThat(d[t][1]).isCloseTo(-1f, within(1e-5f));
    }
    assertThat(d[0][0]).isLessThan(3f); // edges repeat the first frame
  }

  @Test
  void badParametersAreRejectedWithTheirNames() {
    assertThatThrownBy(() -> FeatureKind.fromId("mel"))
        .hasMessageContaining("micro-frontend, log-mel, mfcc, spectrogram");
    assertThatThrownBy(() -> new MelFilterbank(16000, 512, 40, 20, 9000, MelScale.HTK, false))
        .hasMessageContaining("sampleRate/2");
    assertThatThrownBy(
            () ->
                new SpectralConfig(
                    16000,
                    480,
                    320,
                    256,
                    WindowFunction.HANN,
                    true,
                    false,
                    40,
                    20,
                    4000,
                    MelScale.HTK,
                    false,
                    1e-6f,
                    10,
                    0))
        .hasMessageContaining("FFT length");
  }

  @Test
  void withersChangeOnlyTheirParameters() {
    SpectralConfig c =
        SpectralConfig.defaults()
            .withFraming(400, 160, 512)
            .withWindow(WindowFunction.HAMMING, false)
            .withPower(true)
            .withMel(80, 0, 8000, MelScale.SLANEY, true)
            .withMfcc(13, 22);

    assertThat(c)
        .isEqualTo(
            new SpectralConfig(
                16000,
                400,
                160,
                512,
                WindowFunction.HAMMING,
                false,
                true,
                80,
                0,
                8000,
                MelScale.SLANEY,
                true,
                1e-6f,
                13,
                22));
  }

  @Test
  void configAtAnotherRateKeepsDurations() {
    SpectralConfig c = SpectralConfig.defaults().withSampleRate(8000);

    assertThat(c.frameLength()).isEqualTo(240);
    assertThat(c.frameStep()).isEqualTo(160);
    assertThat(c.fftLength()).isEqualTo(256);
    assertThat(c.fMax()).isEqualTo(4000.0);
  }
}
