package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResamplerTest {

  private static float[] tone(double hz, int rate, int n) {
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  private static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  @Test
  void toneBelowTheNewNyquistSurvivesWithSmallError() {
    float[] out = new Resampler(44100, 16000).process(tone(1000, 44100, 44100));

    assertThat(out).hasSize(16000);
    double maxError = 0;
    for (int i = 200; i < 15800; i++) {
      double ideal = 0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0);
      maxError = Math.max(maxError, Math.abs(out[i] - ideal));
    }
    assertThat(maxError).isLessThan(1e-3);
  }

  @Test
  void upsamplingKeepsAToneToo() {
    float[] out = new Resampler(8000, 16000).process(tone(440, 8000, 8000));

    assertThat(out).hasSize(16000);
    for (int i = 300; i < 15700; i++) {
      double ideal = 0.5 * Math.sin(2 * Math.PI * 440 * i / 16000.0);
      assertThat((double) out[i]).isCloseTo(ideal, within(1e-3));
    }
  }

  @Test
  void toneAboveTheNewNyquistIsAttenuated() {
    // 6 kHz cannot exist at 8 kHz (Nyquist 4 kHz); without filtering it would alias to 2 kHz.
    float[] out = new Resampler(48000, 8000).process(tone(6000, 48000, 48000));

    double attenuationDb = 20 * Math.log10(rms(out, 200, 7800) / (0.5 / Math.sqrt(2)));
    assertThat(attenuationDb).isLessThan(-60);
  }

  @Test
  void sameRateResamplingOfAClipIsIdentity() {
    AudioClip clip = AudioClip.ofPcm16(new short[] {1, 2, 3}, 16000);

    assertThat(clip.resampleTo(16000)).isSameAs(clip);
  }

  @Test
  void besselI0MatchesKnownValues() {
    assertThat(Resampler.besselI0(0)).isEqualTo(1.0);
    assertThat(Resampler.besselI0(1)).isCloseTo(1.2660658777520082, within(1e-12));
    assertThat(Resampler.besselI0(8)).isCloseTo(427.56411572180474, within(1e-8));
  }

  @Test
  void nonPositiveRatesAreRejected() {
    assertThatThrownBy(() -> new Resampler(0, 16000)).hasMessageContaining("positive");
  }
}
