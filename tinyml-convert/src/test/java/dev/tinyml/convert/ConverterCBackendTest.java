package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterCBackendTest {
  private static final Path MICRO_SPEECH =
      Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite");

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
    Path out = dir.resolve("o");
    ConversionRequest request =
        ConversionRequest.builder(
                ModelSource.tflite(Fixtures.path("tflite/dtln/dtln_noise_suppression.tflite")), out)
            .quantization(Quantization.NONE)
            .backend(Backend.C)
            .build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("Cannot compile")
        .hasMessageContaining("UNIDIRECTIONAL_SEQUENCE_LSTM")
        .hasMessageContaining("backend=tflm");
    assertThat(out).doesNotExist();
  }

  @Test
  void aTemplateWithoutACSketchIsRefusedNamingWhatToUse(@TempDir Path dir) {
    Path out = dir.resolve("o");
    ConversionRequest request = microSpeech(out).template(SketchTemplate.VWW).build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("template=vww has no sketch for backend=c yet");
    assertThat(out).doesNotExist();
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
