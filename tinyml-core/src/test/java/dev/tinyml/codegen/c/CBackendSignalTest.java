package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.preprocess.Wav;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TFLM's micro_speech audio front-end graphs (signal-library custom ops), compiled by the c backend
 * and fed recorded audio frame after frame: the C keeps the noise estimate across invokes as the
 * interpreter does, so every frame's features equal the interpreter's byte for byte, and the first
 * frame of the 30 ms clips gives the origin test's expected features.
 */
class CBackendSignalTest {
  private static final String DIR = "tflite/micro_speech/";
  private static final int WINDOW = 480;
  private static final int STEP = 320;

  @TempDir Path dir;

  /** {@code frames} windows of the clip, each as the graph's little-endian int16 input. */
  private static List<byte[][]> frames(String clip, int frames) throws Exception {
    short[] pcm = Wav.read(Fixtures.path("audio/micro_speech/" + clip + ".wav")).toPcm16();
    List<byte[][]> runs = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      // A clip of one window is fed repeatedly: the same frame against a growing noise estimate.
      int start = pcm.length == WINDOW ? 0 : STEP * f;
      ByteBuffer b = ByteBuffer.allocate(2 * WINDOW).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < WINDOW; i++) {
        b.putShort(pcm[start + i]);
      }
      runs.add(new byte[][] {b.array()});
    }
    return runs;
  }

  private static byte[] expected(String clip) throws Exception {
    String[] parts =
        Files.readString(
                Fixtures.path("audio/micro_speech/" + clip + "_expected_features_int8.csv"))
            .trim()
            .split(",");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) Integer.parseInt(parts[i].trim());
    }
    return b;
  }

  /** Runs the compiled graph on {@code runs} in order and returns {@code [run][output]} bytes. */
  private byte[][][] hostOutputs(Model model, List<byte[][]> runs) throws Exception {
    Toolchain.require("gcc", "the host build of the generated C");
    CModule module = CBackend.render(model, "frontend");
    CProgram.write(dir, module, runs, false);
    Path exe = Toolchain.hostBuild(dir, module);
    return CProgram.parse(
        Toolchain.runOk(dir, 120, List.of(exe.toString())),
        runs.size(),
        model.primarySubgraph().outputs().length);
  }

  private void assertStatefulFramesEqualInterpreter(String graph, String clip, int count)
      throws Exception {
    Model model = TfliteReader.read(Fixtures.path(DIR + graph));
    List<byte[][]> runs = frames(clip, count);
    byte[][][] c = hostOutputs(model, runs);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    for (int r = 0; r < runs.size(); r++) {
      assertThat(c[r][0]).as("frame %d of %s", r, clip).isEqualTo(java[r][0]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"yes_30ms", "no_30ms"})
  void int8GraphGivesTheExpectedFeaturesThenFollowsTheInterpretersState(String clip)
      throws Exception {
    Model model = TfliteReader.read(Fixtures.path(DIR + "audio_preprocessor_int8.tflite"));
    List<byte[][]> runs = frames(clip, 4);
    byte[][][] c = hostOutputs(model, runs);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    assertThat(c[0][0]).isEqualTo(expected(clip));
    for (int r = 1; r < runs.size(); r++) {
      assertThat(c[r][0]).as("invoke %d", r).isEqualTo(java[r][0]);
    }
    // The noise estimate grew, so the same frame gave other features the second time.
    assertThat(c[1][0]).isNotEqualTo(c[0][0]);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"audio_preprocessor_int8.tflite", "audio_preprocessor_float.tflite"})
  void preprocessorModuleNeedsNoLibmAndKeepsItsNoiseEstimateAsState(String graph) throws Exception {
    CModule module = CBackend.render(TfliteReader.read(Fixtures.path(DIR + graph)), "frontend");
    assertThat(module.needsLibm()).isFalse();
    assertThat(module.source()).doesNotContain("<math.h>").contains("static uint32_t tml_op");
    // 40 noise-estimate words plus the 512-point RFFT's work buffers (512 + 2 * 256 int16).
    assertThat(module.stateBytes()).isEqualTo(40 * 4 + (512 + 2 * 256) * 2);
  }

  @Test
  void resetForgetsTheNoiseEstimateAsTheInterpretersResetState() throws Exception {
    Toolchain.require("gcc", "the host build of the generated C");
    Model model = TfliteReader.read(Fixtures.path(DIR + "audio_preprocessor_int8.tflite"));
    CModule module = CBackend.render(model, "frontend");
    CProgram.write(dir, module, frames("yes_30ms", 1), false);
    // Two invokes, a reset, one more: the third must give the first frame's features again.
    String main =
        Files.readString(dir.resolve("main.c"))
            .replace("for (r = 0; r < 1; r++)", "for (r = 0; r < 3; r++)")
            .replace("inputs[r][i]", "inputs[0][i]")
            .replace(
                "    frontend_invoke();",
                "    if (r == 2) frontend_reset();\n    frontend_invoke();");
    Files.writeString(dir.resolve("main.c"), main);
    Path exe = Toolchain.hostBuild(dir, module);
    byte[][][] c = CProgram.parse(Toolchain.runOk(dir, 120, List.of(exe.toString())), 3, 1);
    assertThat(c[0][0]).isEqualTo(expected("yes_30ms"));
    assertThat(c[1][0]).isNotEqualTo(c[0][0]);
    assertThat(c[2][0]).isEqualTo(c[0][0]);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "audio_preprocessor_int8.tflite, yes_1000ms",
    "audio_preprocessor_int8.tflite, noise_1000ms",
    "audio_preprocessor_float.tflite, no_1000ms",
    "audio_preprocessor_float.tflite, yes_30ms"
  })
  void everyFrameOfAClipEqualsTheInterpreterByteForByte(String graph, String clip)
      throws Exception {
    int frames = clip.endsWith("_30ms") ? 4 : 49;
    assertStatefulFramesEqualInterpreter(graph, clip, frames);
  }
}
