package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareGeneratorTest {
  private static FirmwareRequest kwsRequest() throws IOException {
    return FirmwareRequest.builder(TestModels.microSpeech(10_240))
        .name("micro speech")
        .template(SketchTemplate.KWS)
        .libraryVersion("0.1.0-SNAPSHOT")
        .generator("tinyml test")
        .source("micro_speech_quantized.tflite")
        .quantization("int8 (already quantized)")
        .histogram("weights/conv", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
        .build();
  }

  @Test
  void writesModelSourcesSketchLibraryAndReport(@TempDir Path out) throws Exception {
    FirmwareResult r = FirmwareGenerator.generate(kwsRequest(), out);
    assertThat(listing(out))
        .containsExactly(
            "histograms/weights_conv.png",
            "micro_speech-arduino.zip",
            "micro_speech/micro_speech.ino",
            "micro_speech/model.cpp",
            "micro_speech/model.h",
            "micro_speech/model_ops.h",
            "micro_speech/recognize_commands.h",
            "micro_speech/tensor_io.h",
            "model.cc",
            "model.h",
            "model.tflite",
            "report.json",
            "report.md");
    assertThat(out.resolve("model.tflite"))
        .hasBinaryContent(Files.readAllBytes(Fixtures.path(TestModels.MICRO_SPEECH)));
    assertThat(out.resolve("micro_speech/model.cpp"))
        .hasSameTextualContentAs(out.resolve("model.cc"));
    assertThat(r.libraryZip()).isEqualTo(out.resolve("micro_speech-arduino.zip"));
    assertThat(r.report().footprint().arenaBytes()).isEqualTo(10_240);
    assertThat(Files.readString(out.resolve("report.md")))
        .contains("[weights/conv](histograms/weights_conv.png)");
  }

  @Test
  void outputIsByteIdenticalFromRunToRun(@TempDir Path a, @TempDir Path b) throws Exception {
    FirmwareGenerator.generate(kwsRequest(), a);
    FirmwareGenerator.generate(kwsRequest(), b);
    Map<String, byte[]> first = contents(a);
    Map<String, byte[]> second = contents(b);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((file, bytes) -> assertThat(second.get(file)).as(file).isEqualTo(bytes));
  }

  @Test
  void libraryZipHasTheArduinoLayoutAndFixedTimestamps(@TempDir Path out) throws Exception {
    FirmwareResult r = FirmwareGenerator.generate(kwsRequest(), out);
    List<String> names = new ArrayList<>();
    Map<String, String> text = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(r.libraryZip()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0));
        text.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(names)
        .containsExactly(
            "micro_speech/",
            "micro_speech/examples/",
            "micro_speech/examples/micro_speech/",
            "micro_speech/examples/micro_speech/micro_speech.ino",
            "micro_speech/examples/micro_speech/recognize_commands.h",
            "micro_speech/library.properties",
            "micro_speech/src/",
            "micro_speech/src/micro_speech.h",
            "micro_speech/src/model.cpp",
            "micro_speech/src/model.h",
            "micro_speech/src/model_ops.h",
            "micro_speech/src/tensor_io.h");
    assertThat(text.get("micro_speech/library.properties"))
        .contains("name=micro_speech\n")
        .contains("version=0.1.0\n")
        .contains("architectures=mbed_nano\n")
        .contains("includes=micro_speech.h\n")
        .contains("depends=Chirale_TensorFLowLite\n");
    assertThat(text.get("micro_speech/examples/micro_speech/micro_speech.ino"))
        .contains("#include <micro_speech.h>")
        .doesNotContain("#include \"model.h\"");
  }

  @Test
  void overBudgetFailsWithTheNumbersAndWritesNothing(@TempDir Path out) throws Exception {
    FirmwareRequest request =
        FirmwareRequest.builder(TestModels.personDetect(300_000))
            .template(SketchTemplate.VWW)
            .build();
    assertThatThrownBy(() -> FirmwareGenerator.generate(request, out))
        .isInstanceOf(BudgetExceededException.class)
        .hasMessageContaining("nano33ble")
        .hasMessageContaining("tensor arena 300000 B")
        .hasMessageContaining("262144 B available");
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void sketchNameIsSanitized() throws Exception {
    FirmwareRequest r = FirmwareRequest.builder(TestModels.tinyAutoencoder()).build();
    assertThat(r.name()).isEqualTo("tiny_ae");
    assertThat(
            FirmwareRequest.builder(TestModels.tinyAutoencoder()).name("9 lives!").build().name())
        .isEqualTo("model_9_lives");
  }

  @Test
  void libraryZipIsReadableAsAZip(@TempDir Path out) throws Exception {
    FirmwareResult r = FirmwareGenerator.generate(kwsRequest(), out);
    byte[] zip = Files.readAllBytes(r.libraryZip());
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      int n = 0;
      while (in.getNextEntry() != null) {
        n++;
      }
      assertThat(n).isEqualTo(12);
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    for (String f : listing(dir)) {
      m.put(f, Files.readAllBytes(dir.resolve(f)));
    }
    return m;
  }
}
