package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.codegen.CodegenException;
import dev.tinyml.preprocess.AudioClip;
import dev.tinyml.preprocess.MicroFrontend;
import dev.tinyml.preprocess.MicroFrontendConfig;
import dev.tinyml.preprocess.Wav;
import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C micro frontend, built with host gcc ({@code -O2 -Wall -Werror -std=c99 -pedantic}, no
 * libm), gives exactly the Java frontend's features and so TFLM's recorded ones.
 */
class CFrontendHostTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A clip and the features TFLM computed for it. */
  record Recorded(String name, short[] pcm, int[][] features) {}

  /** The 48 corpus clips and the micro_speech clips, all with the micro_speech configuration. */
  static List<Recorded> recordedClips() throws IOException {
    List<Recorded> clips = new ArrayList<>();
    for (Path p : Fixtures.files("expected/micro_frontend_corpus", ".json")) {
      JsonNode e = JSON.readTree(p.toFile());
      clips.add(recorded(e, "expected/micro_frontend_corpus/" + e.get("file").asText()));
    }
    for (Path p : Fixtures.files("expected/micro_frontend", ".json")) {
      JsonNode e = JSON.readTree(p.toFile());
      clips.add(recorded(e, e.get("wav").asText()));
    }
    return clips;
  }

  private static Recorded recorded(JsonNode expected, String wav) throws IOException {
    AudioClip clip = Wav.read(Fixtures.path(wav));
    assertThat(clip.sampleRate()).as(wav).isEqualTo(16000);
    JsonNode rows = expected.get("features_uint16");
    int[][] m = new int[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new int[rows.get(i).size()];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = rows.get(i).get(j).asInt();
      }
    }
    return new Recorded(wav, clip.toPcm16(), m);
  }

  /** Builds the frontend and the clip-reading program with host gcc and runs it. */
  static List<int[][]> runOnHost(Path dir, CFrontendSources frontend, List<short[]> clips)
      throws IOException, InterruptedException {
    Toolchain.require("gcc", "the host build of the C frontend");
    FrontendProgram.write(dir, frontend, clips);
    // No -lm: the frontend must build without libm.
    Path exe = Toolchain.hostBuild(dir, "frontend_test", CFrontendSources.SOURCE);
    String out = Toolchain.runOk(dir, 300, List.of(exe.toString()));
    return FrontendProgram.parse(out, clips.size());
  }

  @Test
  void everyRecordedClipGivesTflmAndJavaFeaturesExactly(@TempDir Path dir) throws Exception {
    List<Recorded> recorded = recordedClips();
    List<short[]> pcm = recorded.stream().map(Recorded::pcm).toList();

    List<int[][]> c = runOnHost(dir, CFrontend.render(MicroFrontendConfig.microSpeech()), pcm);

    assertThat(recorded).hasSizeGreaterThanOrEqualTo(54);
    for (int i = 0; i < recorded.size(); i++) {
      Recorded r = recorded.get(i);
      int[][] java = MicroFrontend.compute(MicroFrontendConfig.microSpeech(), 16000, r.pcm());
      assertThat(c.get(i)).as("C vs TFLM, %s", r.name()).isDeepEqualTo(r.features());
      assertThat(c.get(i)).as("C vs Java, %s", r.name()).isDeepEqualTo(java);
    }
  }

  @Test
  void anotherConfigurationWithoutPcanGivesJavaFeaturesExactly(@TempDir Path dir) throws Exception {
    MicroFrontendConfig config =
        new MicroFrontendConfig(
            25, 10, 32, 60f, 3800f, 8, 0.04f, 0.03f, 0.1f, false, 0.95f, 80f, 21, true, 5);
    List<short[]> pcm = new ArrayList<>();
    for (Recorded r : recordedClips().subList(0, 6)) {
      short[] p = r.pcm();
      short[] half = new short[p.length / 2];
      for (int i = 0; i < half.length; i++) {
        half[i] = p[2 * i]; // a crude 8 kHz clip: this checks arithmetic, not audio quality
      }
      pcm.add(half);
    }

    List<int[][]> c = runOnHost(dir, CFrontend.render(config, 8000), pcm);

    for (int i = 0; i < pcm.size(); i++) {
      assertThat(c.get(i))
          .as("clip %d", i)
          .isDeepEqualTo(MicroFrontend.compute(config, 8000, pcm.get(i)));
    }
  }

  @Test
  void frontendObjectNeedsNoLibrarySymbol(@TempDir Path dir) throws Exception {
    Toolchain.require("gcc", "the host build of the C frontend");
    Toolchain.require("nm", "the symbol check of the C frontend");
    CFrontend.render(MicroFrontendConfig.microSpeech()).writeTo(dir);
    Toolchain.runOk(
        dir,
        300,
        List.of(
            "gcc", "-O2", "-std=c99", "-c", CFrontendSources.SOURCE, "-o", "tinyml_frontend.o"));

    String undefined = Toolchain.runOk(dir, 60, List.of("nm", "-u", "tinyml_frontend.o"));

    assertThat(undefined.strip()).as("undefined symbols (libm, libc, malloc)").isEmpty();
  }

  @Test
  void renderRejectsABandAboveTheNyquistFrequency() {
    MicroFrontendConfig config =
        new MicroFrontendConfig(
            30, 20, 40, 125f, 7500f, 10, 0.025f, 0.06f, 0.05f, true, 0.95f, 80f, 21, true, 6);

    assertThatThrownBy(() -> CFrontend.render(config, 8000))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("C micro frontend")
        .hasMessageContaining("upper band limit");
  }
}
