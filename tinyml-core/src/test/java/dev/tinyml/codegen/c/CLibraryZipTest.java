package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  /** The library of a fixture model's module with the template's c sketch as its example. */
  private static SortedMap<String, String> library(
      String fixture, String name, SketchTemplate template) throws Exception {
    Model model = TfliteReader.read(Fixtures.path(fixture));
    CModule module = CBackend.render(model, name);
    CSketch.Options options =
        new CSketch.Options(template, Board.NANO33BLE, name, List.of(), Map.of(), "test");
    return entries(
        CLibraryZip.zip(module, CSketch.render(module, model, options), options, "1.0.0"));
  }

  @Test
  void theVwwLibraryHoldsTheModuleAndTheSketchAndDependsOnTheCameraLibraryOnly() throws Exception {
    SortedMap<String, String> entries =
        library("tflite/person_detection/person_detect.tflite", "person", SketchTemplate.VWW);

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
    SortedMap<String, String> entries =
        library(
            "tflite/micro_speech/micro_speech_quantized.tflite", "speech", SketchTemplate.GENERIC);

    assertThat(entries.get("speech/library.properties")).doesNotContain("depends=");
  }
}
