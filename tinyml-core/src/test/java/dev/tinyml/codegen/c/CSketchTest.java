package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.CodegenException;
import dev.tinyml.codegen.SketchFiller;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.preprocess.MicroFrontendConfig;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend=c sketches need no TFLite Micro header: each compiles as C++ against stubs of the
 * Arduino API and its sensor library, and the module (and the kws frontend) as C.
 */
class CSketchTest {
  private static final List<String> SPEECH_LABELS = List.of("silence", "unknown", "yes", "no");

  @TempDir Path dir;

  private static Model fixture(String path) throws Exception {
    return TfliteReader.read(Fixtures.path(path));
  }

  private static Model microSpeech() throws Exception {
    return fixture("tflite/micro_speech/micro_speech_quantized.tflite");
  }

  private static Model personDetect() throws Exception {
    return fixture("tflite/person_detection/person_detect.tflite");
  }

  /** An int8 [1, 12] to [1, 12] model (a RELU): the shape of a 4-sample, 3-axis autoencoder. */
  private static Model autoencoderShaped() {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.05f, -3, 1, 12);
    int out = b.tensor("out", TensorType.INT8, 0.05f, -3, 1, 12);
    return b.op(BuiltinOperator.RELU, null, new int[] {in}, new int[] {in}, out);
  }

  private static CSketch.Options options(SketchTemplate t, List<String> labels) {
    Map<String, String> parameters =
        t == SketchTemplate.ANOMALY ? Map.of("anomaly_threshold", "0.02f") : Map.of();
    return new CSketch.Options(t, Board.NANO33BLE, "model", labels, parameters, "test");
  }

  /** Writes the sketch folder with the stubs, compiles the .ino as C++ and the C files as C. */
  private Path compile(Model model, String name, CSketch.Options options, String... stubs)
      throws Exception {
    Toolchain.require("g++", "the sketch's host compile check");
    CModule module = CBackend.render(model, name);
    Path folder = CSketch.write(module, model, options, dir);
    for (String stub : stubs) {
      try (InputStream in = getClass().getResourceAsStream("/dev/tinyml/codegen/stubs/" + stub)) {
        AtomicFiles.write(folder.resolve(stub), in.readAllBytes());
      }
    }
    // Arduino compiles the .ino as C++ with Arduino.h included first, the .c files as C.
    Files.writeString(
        folder.resolve("sketch.cpp"), "#include \"Arduino.h\"\n#include \"" + name + ".ino\"\n");
    Toolchain.runOk(
        folder,
        120,
        List.of("g++", "-std=c++17", "-Wall", "-Werror", "-I.", "-c", "sketch.cpp", "-o", "s.o"));
    List<String> sources = new ArrayList<>(List.of(module.sourceFile()));
    if (Files.exists(folder.resolve(CFrontendSources.SOURCE))) {
      sources.add(CFrontendSources.SOURCE);
    }
    for (String c : sources) {
      Toolchain.runOk(
          folder,
          120,
          List.of("gcc", "-std=c99", "-Wall", "-Werror", "-O2", "-c", c, "-o", c + ".o"));
    }
    return folder;
  }

  private static void assertNoTflmAndFilled(Path folder, String name) throws Exception {
    assertThat(Files.readString(folder.resolve(name + ".ino")))
        .doesNotContain("tensorflow")
        .doesNotContain("TensorFlowLite")
        .doesNotContain("{{")
        .contains(name + "_invoke();");
  }

  @Test
  void genericSketchCompilesWithoutTflmAgainstTheArduinoApi() throws Exception {
    Path folder =
        compile(
            microSpeech(), "speech", options(SketchTemplate.GENERIC, SPEECH_LABELS), "Arduino.h");
    assertNoTflmAndFilled(folder, "speech");
    // 16 characters per input number and 16 more, as the tflm generic sketch.
    assertThat(folder.resolve("speech.ino")).content().contains("kMaxLineLength = 31376;");
  }

  @Test
  void kwsSketchWithTheCFrontendCompilesWithoutTflmAgainstTheArduinoApi() throws Exception {
    Path folder =
        compile(
            microSpeech(),
            "speech",
            options(SketchTemplate.KWS, SPEECH_LABELS),
            "Arduino.h",
            "PDM.h");
    assertNoTflmAndFilled(folder, "speech");
    assertThat(folder.resolve("speech.ino"))
        .content()
        .contains("kIgnoredLabels[] = { 0, 1 }")
        .contains("kFeatureDivisor = 25.6f");
    assertThat(folder.resolve("recognize_commands.h")).exists();
  }

  @Test
  void vwwSketchCompilesWithoutTflmAgainstTheArduinoAndCameraApi() throws Exception {
    Path folder =
        compile(
            personDetect(),
            "person",
            options(SketchTemplate.VWW, List.of("notperson", "person")),
            "Arduino.h",
            "Arduino_OV767X.h");
    assertNoTflmAndFilled(folder, "person");
    assertThat(folder.resolve("person.ino"))
        .content()
        .contains("#include <Arduino_OV767X.h>")
        .contains("constexpr int kInput0Dims[] = { 1, 96, 96, 1 };")
        .contains("constexpr int kPersonIndex = 1;")
        .contains("GetOutputValue(kPersonIndex)");
  }

  @Test
  void anomalySketchCompilesWithoutTflmAgainstTheArduinoAndImuApi() throws Exception {
    Path folder =
        compile(
            autoencoderShaped(),
            "wear",
            options(SketchTemplate.ANOMALY, List.of()),
            "Arduino.h",
            "Arduino_LSM9DS1.h");
    assertNoTflmAndFilled(folder, "wear");
    assertThat(folder.resolve("wear.ino"))
        .content()
        .contains("#include <Arduino_LSM9DS1.h>")
        .contains("constexpr float kThreshold = 0.02f;");
  }

  @Test
  void anomalySketchReadsTheQuantizedInputBackBeforeTheInvokeMayOverwriteIt() throws Exception {
    String ino =
        CSketch.render(
                CBackend.render(autoencoderShaped(), "wear"),
                autoencoderShaped(),
                options(SketchTemplate.ANOMALY, List.of()))
            .get("wear.ino");
    String score = ino.substring(ino.indexOf("void Score()"));
    assertThat(score.indexOf("g_window[i] = GetInputValue(i);"))
        .isPositive()
        .isLessThan(score.indexOf("wear_invoke();"));
    assertThat(score).contains("const float d = g_window[i] - GetOutputValue(i);");
  }

  @Test
  void cAndTflmSketchesOfATemplateShareItsFragments() throws Exception {
    Map<SketchTemplate, String> fragment =
        Map.of(
            SketchTemplate.GENERIC, "serial_line_loop",
            SketchTemplate.KWS, "kws_audio_and_commands",
            SketchTemplate.VWW, "centre_crop_pixels",
            SketchTemplate.ANOMALY, "imu_window_loop");
    for (Map.Entry<SketchTemplate, String> e : fragment.entrySet()) {
      String c = resource("c_" + e.getKey().id() + "/sketch.ino");
      String tflm = resource(e.getKey().id() + "/sketch.ino");
      String placeholder = "\n{{" + e.getValue() + "}}\n";
      assertThat(c).as("c_" + e.getKey().id()).contains(placeholder).contains("\n{{c_model_io}}\n");
      assertThat(tflm).as(e.getKey().id()).contains(placeholder);
    }
  }

  /** The c_kws sketch folder's files for micro_speech with the given template parameters. */
  private static Map<String, String> kwsFiles(Map<String, String> parameters) throws Exception {
    CSketch.Options o =
        new CSketch.Options(
            SketchTemplate.KWS, Board.NANO33BLE, "model", SPEECH_LABELS, parameters, "test");
    return CSketch.render(CBackend.render(microSpeech(), "s"), microSpeech(), o);
  }

  /** The c_kws sketch of micro_speech with the given template parameters. */
  private static String kwsSketch(Map<String, String> parameters) throws Exception {
    return kwsFiles(parameters).get("s.ino");
  }

  @Test
  void theKwsCFrontendIsMicroSpeechsByDefault() throws Exception {
    Map<String, String> files = kwsFiles(Map.of());
    assertThat(files)
        .containsAllEntriesOf(CFrontend.render(MicroFrontendConfig.microSpeech()).files());
  }

  @Test
  void kwsFrontendParametersConfigureTheGeneratedCFrontend() throws Exception {
    Map<String, String> files =
        kwsFiles(
            Map.of(
                "window_ms", "25",
                "stride_ms", "10",
                "lower_band_hz", "100.0f",
                "upper_band_hz", "7000"));
    // Only window and filterbank change; noise reduction, PCAN and log keep micro_speech's values.
    MicroFrontendConfig d = MicroFrontendConfig.microSpeech();
    MicroFrontendConfig expected =
        new MicroFrontendConfig(
            25,
            10,
            40,
            100f,
            7000f,
            d.smoothingBits(),
            d.evenSmoothing(),
            d.oddSmoothing(),
            d.minSignalRemaining(),
            d.enablePcan(),
            d.pcanStrength(),
            d.pcanOffset(),
            d.pcanGainBits(),
            d.enableLog(),
            d.scaleShift());
    assertThat(files).containsAllEntriesOf(CFrontend.render(expected, 16000).files());
    assertThat(files.get("tinyml_frontend_config.h"))
        .contains("#define TML_FE_WINDOW_SIZE 400\n")
        .contains("#define TML_FE_WINDOW_STEP 160\n");
  }

  @Test
  void aKwsFrontendParameterThatIsNotANumberIsRefusedNamingIt() {
    assertThatThrownBy(() -> kwsSketch(Map.of("lower_band_hz", "low")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("'lower_band_hz'")
        .hasMessageContaining("'low'");
  }

  @Test
  void aKwsBandAboveTheNyquistFrequencyIsRefused() {
    assertThatThrownBy(() -> kwsSketch(Map.of("upper_band_hz", "9000.0f")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("C micro frontend");
  }

  @Test
  void aKwsStrideLongerThanTheWindowIsRefusedAsNoFrontend() {
    assertThatThrownBy(() -> kwsSketch(Map.of("stride_ms", "40")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("do not make an audio frontend")
        .hasMessageContaining("40 ms");
  }

  @Test
  void recognizerParametersOfKwsApplyToTheCSketch() throws Exception {
    assertThat(kwsSketch(Map.of("detection_threshold", "0.6f")))
        .contains("constexpr float kDetectionThreshold = 0.6f;");
  }

  @Test
  void vwwOnABoardWithoutTheCameraIsRefusedNamingIt() throws Exception {
    CSketch.Options o =
        new CSketch.Options(
            SketchTemplate.VWW, Board.named("esp32"), "model", List.of(), Map.of(), "test");
    assertThatThrownBy(
            () -> CSketch.render(CBackend.render(personDetect(), "p"), personDetect(), o))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("OV7675")
        .hasMessageContaining("esp32");
  }

  @Test
  void anomalyWithoutAThresholdIsRefusedNamingTheParameter() {
    CSketch.Options o =
        new CSketch.Options(
            SketchTemplate.ANOMALY, Board.NANO33BLE, "model", List.of(), Map.of(), "test");
    assertThatThrownBy(
            () -> CSketch.render(CBackend.render(autoencoderShaped(), "a"), autoencoderShaped(), o))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("anomaly_threshold");
  }

  @Test
  void anomalyForAModelThatIsNoAutoencoderIsRefused() throws Exception {
    assertThatThrownBy(
            () ->
                CSketch.render(
                    CBackend.render(microSpeech(), "s"),
                    microSpeech(),
                    options(SketchTemplate.ANOMALY, List.of())))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("as many values as its input");
  }

  private static String resource(String path) throws Exception {
    try (InputStream in =
        CSketchTest.class.getClassLoader().getResourceAsStream(SketchFiller.RESOURCES + path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
