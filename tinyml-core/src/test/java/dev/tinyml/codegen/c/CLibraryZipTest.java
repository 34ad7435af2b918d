package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The c backend's Arduino library: the module in src/, the sketch as its example, no TFLM. */
class CLibraryZipTest {
  private static SortedMap<String, String> entries(byte[] zip) throws Exception {
    SortedMap<String, String> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private static SortedMap<String, String> vwwLibrary() throws Exception {
    Model model = TfliteReader.read(Fixtures.path("tflite/person_detection/person_detect.tflite"));
    CModule module = CBackend.render(model, "person");
    CSketch.Options options =
        new CSketch.Options(
            SketchTemplate.VWW,
            Board.NANO33BLE,
            "person_detect",
            java.util.List.of(),
            Map.of(),
            "test");
    byte[] zip =
        CLibraryZip.zip(
            module,
            CSketch.render(module, model, options),
            "person_detect",
            SketchTemplate.VWW,
            Board.NANO33BLE,
            "1.0.0",
            "test");
    return entries(zip);
  }

  @Test
  void theVwwLibraryHoldsTheModuleAndTheSketchAndDependsOnTheCameraLibraryOnly() throws Exception {
    SortedMap<String, String> entries = vwwLibrary();

    assertThat(entries)
        .containsKeys(
            "person/src/person_model.h",
            "person/src/person_model.c",
            "person/examples/person/person.ino");
    assertThat(entries.get("person/library.properties"))
        .contains("depends=Arduino_OV767X\n")
        .contains("no TensorFlow Lite Micro")
        .doesNotContain("Chirale");
  }

  @Test
  void aTemplateWithoutASensorLibraryHasNoDepends() throws Exception {
    Model model =
        TfliteReader.read(Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite"));
    CModule module = CBackend.render(model, "speech");
    CSketch.Options options =
        new CSketch.Options(
            SketchTemplate.GENERIC,
            Board.NANO33BLE,
            "speech",
            java.util.List.of(),
            Map.of(),
            "test");
    byte[] zip =
        CLibraryZip.zip(
            module,
            CSketch.render(module, model, options),
            "speech",
            SketchTemplate.GENERIC,
            Board.NANO33BLE,
            "1.0.0",
            "test");
    assertThat(entries(zip).get("speech/library.properties")).doesNotContain("depends=");
  }
}
