package dev.tinyml.examples.kws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KwsDataTest {

  @Test
  void shiftMovesSamplesAndFillsWithZeros() {
    short[] pcm = {1, 2, 3, 4};
    assertThat(KwsData.shift(pcm, 1)).containsExactly(0, 1, 2, 3);
    assertThat(KwsData.shift(pcm, -2)).containsExactly(3, 4, 0, 0);
  }

  @Test
  void mixAddsScaledNoiseAndSaturates() {
    short[] pcm = {100, 32000, -32000};
    short[] noise = {10, 2000, -2000};
    assertThat(KwsData.mix(pcm, noise, 0.5f)).containsExactly(105, 32767, -32768);
  }

  @Test
  void perturbAtSpeedOneOnlyScales() {
    short[] pcm = {100, -200, 300, 400};
    assertThat(KwsData.perturb(pcm, 1f, 0.5f)).containsExactly(50, -100, 150, 0);
  }

  @Test
  void everyFifthClipIsHeldOutAndTheSplitsDoNotOverlap() {
    KwsData.Clips train = KwsData.read(Path.of("data"), false);
    KwsData.Clips heldOut = KwsData.read(Path.of("data"), true);
    // 50 yes, 50 no, 100 unknown, 12 silence: a fifth of each class (rounded down) is held out.
    assertThat(heldOut.words()).hasSize(10 + 10 + 20);
    assertThat(train.words()).hasSize(40 + 40 + 80);
    assertThat(heldOut.noise()).hasSize(2);
    assertThat(train.noise()).hasSize(10);
  }

  @Test
  void featuresOfOneSecondAreFortyNineFramesOfFortyChannels() {
    assertThat(KwsFeatures.of(new short[16000])).hasSize(49 * 40);
    assertThatThrownBy(() -> KwsFeatures.of(new short[8000])).hasMessageContaining("16000");
  }
}
