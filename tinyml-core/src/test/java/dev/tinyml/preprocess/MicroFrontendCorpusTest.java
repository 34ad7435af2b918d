package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential check against TFLM's audio frontend on the generated corpus (sweeps, noise, clipped
 * tones, loud onsets, AM tones, lengths off the frame grid): every value of every clip must equal
 * what the C library computed.
 */
class MicroFrontendCorpusTest {
  private static final String CORPUS = "expected/micro_frontend_corpus";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> corpusClips() {
    return Fixtures.files(CORPUS, ".json").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusClips")
  void uint16FeaturesEqualTflmFrontendExactly(Path expectedFile) throws IOException {
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    AudioClip clip = Wav.read(Fixtures.path(CORPUS + "/" + expected.get("file").asText()));
    int[][] want = FrontendFixtureJson.matrix(expected.get("features_uint16"));

    int[][] actual =
        MicroFrontend.compute(
            FrontendFixtureJson.config(expected.get("config")), clip.sampleRate(), clip.toPcm16());

    assertThat(firstMismatch(actual, want)).isEmpty();
    assertThat(actual).isDeepEqualTo(want);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusClips")
  void int8ModelInputEqualsTflmConversionExactly(Path expectedFile) throws IOException {
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    int[][] uint16 = FrontendFixtureJson.matrix(expected.get("features_uint16"));
    int[][] int8 = FrontendFixtureJson.matrix(expected.get("features_int8_micro_speech"));

    byte[] actual = MicroFrontend.toMicroSpeechInt8(uint16);

    int[][] actualRows = new int[int8.length][];
    for (int f = 0; f < int8.length; f++) {
      actualRows[f] = new int[int8[f].length];
      for (int c = 0; c < int8[f].length; c++) {
        actualRows[f][c] = actual[f * int8[f].length + c];
      }
    }
    assertThat(firstMismatch(actualRows, int8)).isEmpty();
  }

  /** Names the first differing value, so a failure says where the frontend diverged. */
  private static String firstMismatch(int[][] actual, int[][] expected) {
    if (actual.length != expected.length) {
      return "frame count: ours " + actual.length + ", TFLM " + expected.length;
    }
    for (int f = 0; f < actual.length; f++) {
      for (int c = 0; c < expected[f].length; c++) {
        if (actual[f][c] != expected[f][c]) {
          return "frame "
              + f
              + ", channel "
              + c
              + ": ours "
              + actual[f][c]
              + ", TFLM "
              + expected[f][c];
        }
      }
    }
    return "";
  }
}
