package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourceGeneratorTest {
  private final ModelSourceGenerator gen = new ModelSourceGenerator("tinyml test");

  @Test
  void arrayBytesEqualTheModelFileBytes() throws Exception {
    ModelDescription model = TestModels.microSpeech(10_000);
    String source = gen.source(model, "model.h");
    byte[] parsed = parseArray(source);
    assertThat(parsed).isEqualTo(Files.readAllBytes(Fixtures.path(TestModels.MICRO_SPEECH)));
    assertThat(source).contains("const unsigned int g_model_len = " + parsed.length + "u;");
  }

  @Test
  void arrayIsAligned16AndHasTwelveBytesPerLine() throws Exception {
    String source = gen.source(TestModels.microSpeech(10_000), "model.h");
    assertThat(source).contains("alignas(16) const unsigned char g_model[] = {");
    List<String> rows = source.lines().filter(l -> l.startsWith("  0x")).toList().subList(0, 100);
    assertThat(rows).allSatisfy(l -> assertThat(l.split("0x", -1)).hasSize(13));
  }

  @Test
  void headerDeclaresShapesTypesQuantizationArenaAndLabels() throws Exception {
    String header = gen.header(TestModels.microSpeech(12_345));
    assertThat(header)
        .contains("extern const unsigned char g_model[];")
        .contains("constexpr size_t kTensorArenaSize = 12345u;")
        .contains("constexpr int kTensorTypeInt8 = 9;")
        .contains("constexpr int kInput0Dims[] = {1, 1960};")
        .contains("constexpr int kInput0ElementCount = 1960;")
        .contains("constexpr float kInput0Scale = 0.101715684f;")
        .contains("constexpr int32_t kInput0ZeroPoint = -128;")
        .contains("constexpr int kOutput0Dims[] = {1, 4};")
        .contains("constexpr float kOutputScale = kOutput0Scale;")
        .contains("constexpr int kLabelCount = 4;");
  }

  @Test
  void outputIsDeterministic() throws Exception {
    ModelDescription a = TestModels.personDetect(100_000);
    ModelDescription b = TestModels.personDetect(100_000);
    assertThat(gen.source(a, "model.h")).isEqualTo(gen.source(b, "model.h"));
    assertThat(gen.header(a)).isEqualTo(gen.header(b));
  }

  @Test
  void labelsAreEscapedAsCStrings() throws Exception {
    ModelDescription m = TestModels.microSpeech(1000);
    ModelDescription odd =
        new ModelDescription(
            "x\"*/y",
            m.flatbuffer(),
            m.inputs(),
            m.outputs(),
            m.ops(),
            List.of("a\"b", "back\\slash", "??=", "é"),
            1000);
    String source = gen.source(odd, "model.h");
    assertThat(source).contains("{\"a\\\"b\", \"back\\\\slash\", \"\\?\\?=\", \"\\303\\251\"}");
    assertThat(source.lines().findFirst().orElseThrow()).doesNotContain("*/");
  }

  @Test
  void labelCountMustMatchTheOutputClasses() throws Exception {
    ModelDescription m = TestModels.microSpeech(1000);
    ModelDescription wrong =
        new ModelDescription(
            m.name(), m.flatbuffer(), m.inputs(), m.outputs(), m.ops(), List.of("yes", "no"), 1);
    assertThatThrownBy(() -> gen.header(wrong))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("2 labels")
        .hasMessageContaining("4 classes");
  }

  @Test
  void generatedFilesCompileWithGxxWallWerror(@TempDir Path dir) throws Exception {
    Gxx.assumePresent();
    ModelDescription model = TestModels.personDetect(136_000);
    Files.writeString(dir.resolve("model.h"), gen.header(model));
    Files.writeString(dir.resolve("model.cc"), gen.source(model, "model.h"));
    Gxx.Result r = Gxx.run(dir, "-c", "model.cc", "-o", "model.o");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(dir.resolve("model.o")).isNotEmptyFile();
  }

  @Test
  void compiledArrayIsAlignedAndHoldsTheModel(@TempDir Path dir) throws Exception {
    Gxx.assumePresent();
    ModelDescription model = TestModels.microSpeech(10_000);
    Files.writeString(dir.resolve("model.h"), gen.header(model));
    Files.writeString(dir.resolve("model.cc"), gen.source(model, "model.h"));
    Files.writeString(
        dir.resolve("check.cc"),
        """
        #include <cstdint>
        #include <cstdio>
        #include "model.h"
        static_assert(kInputElementCount == 1960, "input");
        static_assert(kOutputElementCount == 4, "output");
        int main() {
          if (reinterpret_cast<uintptr_t>(g_model) % 16 != 0) return 2;
          if (g_model_len != kModelLength) return 3;
          unsigned long sum = 0;
          for (unsigned i = 0; i < g_model_len; ++i) sum = sum * 31 + g_model[i];
          std::printf("%lu %s %s\\n", sum, kLabels[0], kLabels[kLabelCount - 1]);
          return 0;
        }
        """);
    Gxx.Result build = Gxx.run(dir, "model.cc", "check.cc", "-o", "check");
    assertThat(build.exitCode()).as(build.output()).isZero();
    Process run = new ProcessBuilder(dir.resolve("check").toString()).start();
    String out = new String(run.getInputStream().readAllBytes()).trim();
    assertThat(run.waitFor()).isZero();
    long sum = 0;
    for (byte b : Files.readAllBytes(Fixtures.path(TestModels.MICRO_SPEECH))) {
      sum = sum * 31 + (b & 0xff);
    }
    assertThat(out).isEqualTo(Long.toUnsignedString(sum) + " silence no");
  }

  /** Parses the hex bytes of the g_model initializer back. */
  static byte[] parseArray(String source) {
    int start = source.indexOf("g_model[] = {");
    int end = source.indexOf("};", start);
    Matcher m = Pattern.compile("0x([0-9a-f]{2}),").matcher(source.substring(start, end));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (m.find()) {
      out.write(Integer.parseInt(m.group(1), 16));
    }
    return out.toByteArray();
  }
}
