package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterCBackendTest {
  private static final Path MICRO_SPEECH =
      Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite");
  private static final Path PERSON_DETECT =
      Fixtures.path("tflite/person_detection/person_detect.tflite");

  private static ConversionRequest.Builder microSpeech(Path out) {
    return ConversionRequest.builder(ModelSource.tflite(MICRO_SPEECH), out)
        .name("speech")
        .backend(Backend.C);
  }

  @Test
  void backendCWritesTheModuleTheSketchALibraryAndAReportWithItsFigures(@TempDir Path out)
      throws Exception {
    ConversionResult result = Converter.convert(microSpeech(out).build());

    assertThat(result.files())
        .contains(
            out.resolve("speech_model.h"),
            out.resolve("speech_model.c"),
            out.resolve("speech/speech.ino"),
            out.resolve("speech-arduino.zip"),
            out.resolve("report.md"),
            out.resolve("report.json"))
        .doesNotContain(out.resolve("model.tflite"), out.resolve("model.cc"));
    assertThat(Files.readString(out.resolve("speech_model.c"))).contains("int speech_invoke(void)");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md)
        .contains("backend: c")
        .contains("stack 256 (declared allowance, not measured)")
        .containsPattern("flash = constants [0-9,]+ \\+ code [0-9,]+ \\((measured|estimated)");
    assertThat(Files.readString(out.resolve("report.json")))
        .contains("\"backend\": \"c\"")
        .contains("\"stack\": \"declared\"");
  }

  @Test
  void theLibraryZipHoldsTheModuleAndTheExampleAndNeedsNoTflm(@TempDir Path out) throws Exception {
    Converter.convert(microSpeech(out).build());
    try (ZipFile zip = new ZipFile(out.resolve("speech-arduino.zip").toFile())) {
      assertThat(zip.getEntry("speech/src/speech_model.c")).isNotNull();
      assertThat(zip.getEntry("speech/examples/speech/speech.ino")).isNotNull();
      String properties =
          new String(zip.getInputStream(zip.getEntry("speech/library.properties")).readAllBytes());
      assertThat(properties).doesNotContain("depends=").contains("no TensorFlow Lite Micro");
    }
  }

  @Test
  void aModuleOverTheBoardsRamIsRefusedWithItsFiguresAndNothingIsWritten(@TempDir Path dir) {
    Path out = dir.resolve("o");
    ConversionRequest request = microSpeech(out).board(customBoard(1024 * 1024, 2048)).build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("The C module does not fit")
        .hasMessageMatching(
            "(?s).*RAM [0-9,]+ B \\(arena [0-9,]+ \\+ state 0 \\+ declared stack 256\\).*")
        .hasMessageContaining("backend=tflm");
    assertThat(out).doesNotExist();
  }

  @Test
  void anOpWithoutACKernelIsNamedWithTheTflmSuggestionAndNothingIsWritten(@TempDir Path dir) {
    // The c backend compiles int8 and float32; int16x8 (16x8) kernels are TFLM's only.
    Path out = dir.resolve("o");
    List<float[]> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      samples.add(new float[] {i * 0.6f});
    }
    ConversionRequest request =
        ConversionRequest.builder(
                ModelSource.tflite(Fixtures.path("tflite/hello_world/hello_world_float.tflite")),
                out)
            .quantization(Quantization.INT16X8)
            .representativeData(RepresentativeData.of(RepresentativeDataset.ofSingleInput(samples)))
            .backend(Backend.C)
            .build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("Cannot compile")
        .hasMessageContaining("16x8 FULLY_CONNECTED")
        .hasMessageContaining("backend=tflm");
    assertThat(out).doesNotExist();
  }

  @Test
  void aTemplateThatCannotDriveTheModelIsRefusedAndNothingIsWritten(@TempDir Path dir) {
    Path out = dir.resolve("o");
    ConversionRequest request = microSpeech(out).template(SketchTemplate.VWW).build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("Template vww cannot drive model")
        .hasMessageContaining("is not an image");
    assertThat(out).doesNotExist();
  }

  @Test
  void theVwwTemplateWritesTheCVwwSketchAndZipsItDependingOnTheCameraLibraryOnly(@TempDir Path out)
      throws Exception {
    Converter.convert(
        ConversionRequest.builder(ModelSource.tflite(PERSON_DETECT), out)
            .name("person")
            .labels(List.of("notperson", "person"))
            .template(SketchTemplate.VWW)
            .backend(Backend.C)
            .build());

    assertThat(cSketchAndLibrary(out, "person", "Arduino_OV767X"))
        .contains("#include <Arduino_OV767X.h>")
        .contains("constexpr int kPersonIndex = 1;");
  }

  @Test
  void theAnomalyTemplateWritesTheCAnomalySketchWithTheThresholdAndTheBoardsImuLibrary(
      @TempDir Path dir) throws Exception {
    Path out = dir.resolve("o");
    Converter.convert(
        autoencoder(dir, out)
            .board(Board.named("nano33ble-rev2"))
            .templateParameters(Map.of("anomaly_threshold", "0.05f"))
            .build());

    assertThat(cSketchAndLibrary(out, "wear", "Arduino_BMI270_BMM150"))
        .contains("#include <Arduino_BMI270_BMM150.h>")
        .contains("constexpr float kThreshold = 0.05f;");
  }

  /**
   * Checks that the sketch calls the module and includes no TFLite Micro header, and that the zip
   * holds the module and the sketch and depends on {@code depends} only; returns the sketch.
   */
  private static String cSketchAndLibrary(Path out, String name, String depends) throws Exception {
    String ino = Files.readString(out.resolve(name + "/" + name + ".ino"));
    assertThat(ino)
        .contains(name + "_invoke();")
        .doesNotContain("tensorflow")
        .doesNotContain("TensorFlowLite");
    try (ZipFile zip = new ZipFile(out.resolve(name + "-arduino.zip").toFile())) {
      assertThat(zip.getEntry(name + "/examples/" + name + "/" + name + ".ino")).isNotNull();
      assertThat(zip.getEntry(name + "/src/" + name + "_model.c")).isNotNull();
      assertThat(entry(zip, name + "/library.properties"))
          .contains("depends=" + depends + "\n")
          .doesNotContain("Chirale");
    }
    return ino;
  }

  @Test
  void theAnomalyTemplateWithoutAThresholdIsRefusedNamingItAndNothingIsWritten(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("o");
    ConversionRequest request = autoencoder(dir, out).build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("needs the parameter 'anomaly_threshold'");
    assertThat(out).doesNotExist();
  }

  /** An int8 RELU from [1, 12] to [1, 12] (an autoencoder's shape) as a .tflite in {@code dir}. */
  private static ConversionRequest.Builder autoencoder(Path dir, Path out) throws Exception {
    Model model = new Model();
    model.buffers().add(new Buffer());
    SubGraph graph = new SubGraph();
    model.subgraphs().add(graph);
    for (String name : new String[] {"in", "out"}) {
      Tensor t = new Tensor(name, TensorType.INT8, new int[] {1, 12});
      t.setQuantization(QuantizationParameters.perTensor(0.05f, -3));
      graph.addTensor(t);
    }
    int code = model.addOperatorCode(new OperatorCode(BuiltinOperator.RELU, 1));
    graph.operators().add(new Operator(code, new int[] {0}, new int[] {1}, null));
    graph.setInputs(0);
    graph.setOutputs(1);
    Path file = dir.resolve("wear.tflite");
    TfliteWriter.write(model, file);
    return ConversionRequest.builder(ModelSource.tflite(file), out)
        .template(SketchTemplate.ANOMALY)
        .backend(Backend.C);
  }

  private static String entry(ZipFile zip, String name) throws Exception {
    return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes());
  }

  @Test
  void theKwsTemplateWritesTheCKwsSketchWithTheRecognizerAndTheCFrontendAndZipsThem(
      @TempDir Path out) throws Exception {
    ConversionResult result =
        Converter.convert(microSpeech(out).template(SketchTemplate.KWS).build());

    List<String> sketchFiles =
        List.of(
            "speech.ino",
            "recognize_commands.h",
            "tinyml_frontend.h",
            "tinyml_frontend.c",
            "tinyml_frontend_config.h",
            "tinyml_frontend_tables.inc");
    for (String f : sketchFiles) {
      assertThat(result.files()).contains(out.resolve("speech/" + f));
    }
    assertThat(Files.readString(out.resolve("speech/speech.ino")))
        .contains("kFeatureDivisor = 25.6f")
        .contains("SPEECH_INPUT_0_SCALE");
    try (ZipFile zip = new ZipFile(out.resolve("speech-arduino.zip").toFile())) {
      for (String f : sketchFiles) {
        assertThat(zip.getEntry("speech/examples/speech/" + f)).as(f).isNotNull();
      }
      assertThat(zip.getEntry("speech/src/speech_model.c")).isNotNull();
    }
  }

  @Test
  void theBackendSettingAcceptsTflmAndCAndNamesThemOtherwise() {
    assertThat(Backend.parse(null)).isEqualTo(Backend.TFLM);
    assertThat(Backend.parse(" C ")).isEqualTo(Backend.C);
    assertThatThrownBy(() -> Backend.parse("cmsis")).hasMessage("must be tflm or c, got 'cmsis'");
  }

  private static Board customBoard(long flash, long ram) {
    try {
      return Board.custom(flash, ram);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
