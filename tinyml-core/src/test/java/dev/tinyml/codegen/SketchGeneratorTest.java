package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SketchGeneratorTest {
  private static final String LOCAL_INCLUDES = "#include \"model.h\"\n#include \"model_ops.h\"";
  private final SketchGenerator gen = new SketchGenerator("tinyml test");

  private static ModelDescription modelFor(SketchTemplate t) throws Exception {
    return switch (t) {
      case KWS, GENERIC -> TestModels.microSpeech(10_000);
      case VWW -> TestModels.personDetect(136_000);
      case ANOMALY -> TestModels.tinyAutoencoder();
    };
  }

  private static Map<String, String> paramsFor(SketchTemplate t) {
    return t == SketchTemplate.ANOMALY ? Map.of("anomaly_threshold", "0.02f") : Map.of();
  }

  private SortedMap<String, String> render(SketchTemplate t) throws Exception {
    return gen.sketchFiles(modelFor(t), t, Board.NANO33BLE, "demo", LOCAL_INCLUDES, paramsFor(t));
  }

  @ParameterizedTest
  @EnumSource(SketchTemplate.class)
  void everyPlaceholderIsFilled(SketchTemplate t) throws Exception {
    SortedMap<String, String> files = render(t);
    assertThat(files).containsKeys("demo.ino", "model_ops.h", "tensor_io.h");
    assertThat(files.values()).allSatisfy(text -> assertThat(text).doesNotContain("{{"));
  }

  @ParameterizedTest
  @EnumSource(SketchTemplate.class)
  void everyTemplateSetsUpTheInterpreterWithTheSharedFragmentOnce(SketchTemplate t)
      throws Exception {
    String fragment = sketchResource("partials/interpreter_setup.inc");

    String ino = render(t).get("demo.ino");

    assertThat(ino).contains("\n" + fragment).containsOnlyOnce("tflite::GetModel(g_model)");
    assertThat(render(t)).doesNotContainKeys("interpreter_setup.inc", "halt.inc");
  }

  private static String sketchResource(String path) throws Exception {
    try (var in =
        SketchGeneratorTest.class
            .getClassLoader()
            .getResourceAsStream(SketchGenerator.RESOURCES + path)) {
      assertThat(in).as(SketchGenerator.RESOURCES + path).isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @EnumSource(SketchTemplate.class)
  void resolverRegistersExactlyTheModelsOps(SketchTemplate t) throws Exception {
    ModelDescription model = modelFor(t);
    String ops = render(t).get("model_ops.h");
    Matcher m = Pattern.compile("resolver\\.(Add\\w+)\\(\\)").matcher(ops);
    List<String> methods = new ArrayList<>();
    while (m.find()) {
      methods.add(m.group(1));
    }
    List<String> expected =
        model.ops().stream().map(op -> OpResolverGenerator.methodFor(op).orElseThrow()).toList();
    assertThat(methods).containsExactlyElementsOf(expected);
    assertThat(ops)
        .contains("constexpr int kModelOpCount = " + model.ops().size() + ";")
        .contains("tflite::MicroMutableOpResolver<kModelOpCount>");
  }

  @Test
  void kwsIgnoresSilenceAndUnknownAndUsesTheFrontendConfiguration() throws Exception {
    String ino = render(SketchTemplate.KWS).get("demo.ino");
    assertThat(ino)
        .contains("constexpr int kIgnoredLabels[] = { 0, 1 };")
        .contains("constexpr int kWindowMs = 30;")
        .contains("constexpr int kStrideMs = 20;")
        .contains("constexpr int kFeatureChannels = 40;")
        .contains("constexpr float kLowerBandHz = 125.0f;")
        .contains("constexpr float kUpperBandHz = 7500.0f;")
        .contains("#include \"model.h\"");
  }

  @Test
  void vwwPicksThePersonLabel() throws Exception {
    assertThat(render(SketchTemplate.VWW).get("demo.ino"))
        .contains("constexpr int kPersonIndex = 1;");
  }

  @Test
  void templateParametersOverrideDefaults() throws Exception {
    String ino =
        gen.sketchFiles(
                TestModels.microSpeech(10_000),
                SketchTemplate.KWS,
                Board.NANO33BLE,
                "demo",
                LOCAL_INCLUDES,
                Map.of("detection_threshold", "0.6f"))
            .get("demo.ino");
    assertThat(ino).contains("constexpr float kDetectionThreshold = 0.6f;");
  }

  @Test
  void unknownTemplateParameterIsAnErrorListingTheKnownOnes() {
    assertThatThrownBy(
            () ->
                gen.sketchFiles(
                    TestModels.microSpeech(10_000),
                    SketchTemplate.KWS,
                    Board.NANO33BLE,
                    "demo",
                    LOCAL_INCLUDES,
                    Map.of("threshhold", "1")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("no parameter 'threshhold'")
        .hasMessageContaining("detection_threshold");
  }

  @Test
  void anomalyNeedsAThreshold() {
    assertThatThrownBy(
            () ->
                gen.sketchFiles(
                    TestModels.tinyAutoencoder(),
                    SketchTemplate.ANOMALY,
                    Board.NANO33BLE,
                    "demo",
                    LOCAL_INCLUDES,
                    Map.of()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("anomaly_threshold");
  }

  @Test
  void modelOfTheWrongShapeForTheTemplateIsAnError() throws Exception {
    assertThatThrownBy(
            () ->
                gen.sketchFiles(
                    TestModels.microSpeech(10_000),
                    SketchTemplate.VWW,
                    Board.NANO33BLE,
                    "demo",
                    LOCAL_INCLUDES,
                    Map.of()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("Template vww cannot drive model 'micro_speech_quantized'")
        .hasMessageContaining("INT8[1, 1960]");
    assertThatThrownBy(
            () ->
                gen.sketchFiles(
                    TestModels.microSpeech(10_000),
                    SketchTemplate.ANOMALY,
                    Board.NANO33BLE,
                    "demo",
                    LOCAL_INCLUDES,
                    Map.of("anomaly_threshold", "0.1f")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("as many values as its input");
    assertThatThrownBy(
            () ->
                gen.sketchFiles(
                    TestModels.microSpeech(10_000),
                    SketchTemplate.KWS,
                    Board.NANO33BLE,
                    "demo",
                    LOCAL_INCLUDES,
                    Map.of("feature_channels", "32")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("not a whole number of 32-channel feature frames");
  }

  @Test
  void templateNeedingASensorTheBoardLacksIsAnError() throws Exception {
    ModelDescription model = TestModels.personDetect(136_000);
    Board esp32 = Board.named("esp32");
    assertThatThrownBy(
            () ->
                gen.sketchFiles(model, SketchTemplate.VWW, esp32, "demo", LOCAL_INCLUDES, Map.of()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("OV7675")
        .hasMessageContaining("esp32");
  }

  @Test
  void opWithoutResolverMethodIsAnError() throws Exception {
    ModelDescription m = TestModels.microSpeech(10_000);
    ModelDescription custom =
        new ModelDescription(
            m.name(),
            m.flatbuffer(),
            m.inputs(),
            m.outputs(),
            List.of("RESHAPE", "EMBEDDING_LOOKUP"),
            m.labels(),
            1000);
    assertThatThrownBy(
            () ->
                gen.sketchFiles(
                    custom, SketchTemplate.GENERIC, Board.NANO33BLE, "d", LOCAL_INCLUDES, Map.of()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("Op EMBEDDING_LOOKUP has no MicroMutableOpResolver method")
        .hasMessageContaining("Chirale_TensorFLowLite 2.0.0");
  }

  @ParameterizedTest
  @EnumSource(SketchTemplate.class)
  void sketchCompilesAgainstStubHeaders(SketchTemplate t, @TempDir Path dir) throws Exception {
    Gxx.assumePresent();
    ModelSourceGenerator sources = new ModelSourceGenerator("tinyml test");
    ModelDescription model = modelFor(t);
    for (Map.Entry<String, String> e : render(t).entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
    Files.writeString(dir.resolve("model.h"), sources.header(model));
    Gxx.copyStubs(dir.resolve("stubs"));
    Gxx.Result r =
        Gxx.run(
            dir,
            "-fsyntax-only",
            "-Wno-unused-function",
            "-Istubs",
            "-I.",
            "-include",
            "Arduino.h",
            "-x",
            "c++",
            "demo.ino");
    assertThat(r.exitCode()).as(r.output()).isZero();
  }
}
