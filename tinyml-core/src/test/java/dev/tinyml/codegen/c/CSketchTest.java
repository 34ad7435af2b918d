package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.io.AtomicFiles;
import dev.tinyml.preprocess.MicroFrontendConfig;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend=c sketch needs no TFLite Micro headers and compiles against the Arduino API. */
class CSketchTest {
  @TempDir Path dir;

  @Test
  void sketchAndModuleCompileWithoutTflmAgainstTheArduinoApi() throws Exception {
    Toolchain.require("g++", "the sketch's host compile check");
    Model model =
        TfliteReader.read(Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite"));
    CModule module = CBackend.render(model, "micro_speech");
    Path folder =
        CSketch.write(
            module, "micro_speech", List.of("silence", "unknown", "yes", "no"), "test", dir);
    try (InputStream in = getClass().getResourceAsStream("/dev/tinyml/codegen/stubs/Arduino.h")) {
      AtomicFiles.write(folder.resolve("Arduino.h"), in.readAllBytes());
    }
    String ino = Files.readString(folder.resolve("micro_speech.ino"));
    assertThat(ino).doesNotContain("tensorflow").doesNotContain("{{");
    // Arduino compiles the .ino as C++ with Arduino.h included first, the module as C.
    Files.writeString(
        folder.resolve("sketch.cpp"), "#include \"Arduino.h\"\n#include \"micro_speech.ino\"\n");
    Toolchain.runOk(
        folder,
        120,
        List.of("g++", "-std=c++17", "-Wall", "-Werror", "-I.", "-c", "sketch.cpp", "-o", "s.o"));
    Toolchain.runOk(
        folder,
        120,
        List.of(
            "gcc", "-std=c99", "-Wall", "-Werror", "-O2", "-c", module.sourceFile(), "-o", "m.o"));
  }

  @Test
  void kwsSketchWithTheCFrontendCompilesWithoutTflmAgainstTheArduinoApi() throws Exception {
    Toolchain.require("g++", "the sketch's host compile check");
    Model model =
        TfliteReader.read(Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite"));
    CModule module = CBackend.render(model, "micro_speech");
    Path folder =
        CSketch.writeKws(
            module,
            CFrontend.render(MicroFrontendConfig.microSpeech()),
            "micro_speech",
            List.of("silence", "unknown", "yes", "no"),
            25.6f,
            "test",
            dir);
    for (String stub : new String[] {"Arduino.h", "PDM.h"}) {
      try (InputStream in = getClass().getResourceAsStream("/dev/tinyml/codegen/stubs/" + stub)) {
        AtomicFiles.write(folder.resolve(stub), in.readAllBytes());
      }
    }
    String ino = Files.readString(folder.resolve("micro_speech.ino"));
    assertThat(ino)
        .doesNotContain("tensorflow")
        .doesNotContain("{{")
        .contains("kIgnoredLabels[] = { 0, 1 }");
    Files.writeString(
        folder.resolve("sketch.cpp"), "#include \"Arduino.h\"\n#include \"micro_speech.ino\"\n");
    Toolchain.runOk(
        folder,
        120,
        List.of("g++", "-std=c++17", "-Wall", "-Werror", "-I.", "-c", "sketch.cpp", "-o", "s.o"));
    for (String c : new String[] {module.sourceFile(), CFrontendSources.SOURCE}) {
      Toolchain.runOk(
          folder,
          120,
          List.of("gcc", "-std=c99", "-Wall", "-Werror", "-O2", "-c", c, "-o", c + ".o"));
    }
  }
}
