package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MicroFrontendTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> expectedFiles() {
    return Fixtures.files("expected/micro_frontend", ".json").stream();
  }

  @ParameterizedTest
  @MethodSource("expectedFiles")
  void uint16FeaturesEqualTflmFrontendExactly(Path expectedFile) throws IOException {
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    AudioClip clip = Wav.read(Fixtures.path(expected.get("wav").asText()));

    int[][] actual =
        MicroFrontend.compute(
            FrontendFixtureJson.config(expected.get("config")), clip.sampleRate(), clip.toPcm16());

    assertThat(actual).isDeepEqualTo(FrontendFixtureJson.matrix(expected.get("features_uint16")));
  }

  @ParameterizedTest
  @MethodSource("expectedFiles")
  void int8ModelInputEqualsMicroSpeechConversion(Path expectedFile) throws IOException {
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    int[][] uint16 = FrontendFixtureJson.matrix(expected.get("features_uint16"));
    int[][] int8 = FrontendFixtureJson.matrix(expected.get("features_int8"));

    byte[] actual = MicroFrontend.toMicroSpeechInt8(uint16);

    for (int f = 0; f < int8.length; f++) {
      for (int c = 0; c < int8[f].length; c++) {
        assertThat(actual[f * int8[f].length + c]).isEqualTo((byte) int8[f][c]);
      }
    }
  }

  @Test
  void microSpeechConfigMatchesTheRecordedConfig() throws IOException {
    JsonNode expected =
        JSON.readTree(Fixtures.path("expected/micro_frontend/yes_1000ms.json").toFile());

    assertThat(MicroFrontendConfig.microSpeech())
        .isEqualTo(FrontendFixtureJson.config(expected.get("config")));
  }

  @Test
  void oneSecondGives49FramesOf40() {
    MicroFrontend frontend = new MicroFrontend(MicroFrontendConfig.microSpeech(), 16000);

    assertThat(frontend.windowSize()).isEqualTo(480);
    assertThat(frontend.windowStep()).isEqualTo(320);
    assertThat(frontend.frameCount(16000)).isEqualTo(49);
    assertThat(frontend.frameCount(479)).isZero();
  }

  @Test
  void streamingInRandomChunksEqualsBatch() {
    short[] pcm = Wav.read(Fixtures.path("audio/micro_speech/yes_1000ms.wav")).toPcm16();
    int[][] batch = MicroFrontend.compute(MicroFrontendConfig.microSpeech(), 16000, pcm);
    Random random = new Random(42);
    for (int trial = 0; trial < 20; trial++) {
      MicroFrontend frontend = new MicroFrontend(MicroFrontendConfig.microSpeech(), 16000);
      List<int[]> frames = new ArrayList<>();
      int pos = 0;
      while (pos < pcm.length) {
        int n = Math.min(pcm.length - pos, random.nextInt(trial < 10 ? 8 : 1500) + 1);
        frames.addAll(frontend.accept(pcm, pos, n));
        pos += n;
      }
      assertThat(frames.toArray(int[][]::new)).isDeepEqualTo(batch);
    }
  }

  @Test
  void resetStartsAFreshClip() {
    short[] pcm = Wav.read(Fixtures.path("audio/micro_speech/no_1000ms.wav")).toPcm16();
    MicroFrontend frontend = new MicroFrontend(MicroFrontendConfig.microSpeech(), 16000);
    frontend.accept(pcm, 0, 5000);

    frontend.reset();
    List<int[]> frames = frontend.accept(pcm, 0, pcm.length);

    assertThat(frames.toArray(int[][]::new))
        .isDeepEqualTo(MicroFrontend.compute(MicroFrontendConfig.microSpeech(), 16000, pcm));
  }

  @Test
  void int8ConversionRoundsAndClamps() {
    assertThat(MicroFrontend.toMicroSpeechInt8(0)).isEqualTo((byte) -128);
    assertThat(MicroFrontend.toMicroSpeechInt8(656)).isEqualTo((byte) 124);
    assertThat(MicroFrontend.toMicroSpeechInt8(65535)).isEqualTo((byte) 127);
  }

  @Test
  void logTableIsTflmsTable() {
    // Spot values of kLogLut in TFLM's log_lut.c.
    assertThat(LogScale.LOG_LUT[0]).isZero();
    assertThat(LogScale.LOG_LUT[1]).isEqualTo(224);
    assertThat(LogScale.LOG_LUT[57]).isEqualTo(5641);
    assertThat(LogScale.LOG_LUT[64]).isEqualTo(5568);
    assertThat(LogScale.LOG_LUT[127]).isEqualTo(142);
    assertThat(LogScale.LOG_LUT[128]).isZero();
    assertThat(LogScale.LOG_LUT).hasSize(130);
  }
}
