package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.plan.ArenaPlanner;
import dev.tinyml.plan.OfflineMemoryPlan;
import dev.tinyml.plan.Target;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ModelSummary;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfliteFirmwareTest {
  private static byte[] bytes(String fixture) throws Exception {
    return Files.readAllBytes(Fixtures.path(fixture));
  }

  @Test
  void describesMicroSpeechAsTheManifestDocumentsIt() throws Exception {
    byte[] b = bytes(TestModels.MICRO_SPEECH);
    ModelDescription d =
        TfliteModels.describe(TfliteReader.read(b), b, "ms", List.of("s", "u", "y", "n"), 1000);
    TensorSpec in = d.inputs().get(0);
    assertThat(in.type()).isEqualTo("INT8");
    assertThat(in.typeCode()).isEqualTo(9);
    assertThat(in.shape()).containsExactly(1, 1960);
    assertThat(in.scale()).isEqualTo(0.101715684f);
    assertThat(in.zeroPoint()).isEqualTo(-128);
    assertThat(d.outputs().get(0).shape()).containsExactly(1, 4);
    assertThat(d.outputs().get(0).scale()).isEqualTo(1f / 256);
    assertThat(d.ops())
        .containsExactly("RESHAPE", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "SOFTMAX");
  }

  @Test
  void personDetectUsesExactlyItsFiveOps() throws Exception {
    assertThat(TfliteModels.builtinOps(TfliteReader.read(bytes(TestModels.PERSON_DETECT))))
        .containsExactlyInAnyOrder(
            "AVERAGE_POOL_2D", "CONV_2D", "DEPTHWISE_CONV_2D", "RESHAPE", "SOFTMAX");
  }

  @Test
  void macsOfMicroSpeechAreWhatInspectCounts() throws Exception {
    // depthwise: 25*20*8 outputs x 10*8 taps = 320000; fully connected: 4 x 4000 = 16000;
    // softmax: its 4 outputs, as ModelSummary (inspect) counts every other op
    assertThat(TfliteModels.macs(TfliteReader.read(bytes(TestModels.MICRO_SPEECH))))
        .isEqualTo(336_004);
  }

  @Test
  void reportMacsEqualInspectMacsForEveryFixtureModel() throws Exception {
    for (String fixture :
        List.of(
            "tflite/kws_mlperf_tiny/kws_ref_model.tflite",
            "tflite/person_detection/person_detect.tflite",
            "tflite/magic_wand/magic_wand.tflite",
            "tflite/hello_world/hello_world_int8.tflite")) {
      Model m = TfliteReader.read(Fixtures.path(fixture));

      assertThat(TfliteModels.macs(m)).as(fixture).isEqualTo(ModelSummary.of(m).macs());
    }
  }

  @Test
  void opUseCountsNodesPerOp() throws Exception {
    List<ConversionReport.OpUse> uses =
        TfliteModels.opUses(TfliteReader.read(bytes(TestModels.PERSON_DETECT)));
    assertThat(uses.stream().mapToInt(ConversionReport.OpUse::count).sum()).isEqualTo(31);
  }

  @Test
  void arenaIsThePlannerEstimatePlusSlackAndMarginRoundedTo16() throws Exception {
    byte[] b = bytes(TestModels.MICRO_SPEECH);
    Model model = TfliteReader.read(b);
    long estimate = ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT).totalBytes();
    TfliteFirmware.Prepared p = TfliteFirmware.prepare(model, b, false);
    assertThat(p.arenaBytes() % 16).isZero();
    assertThat(p.arenaBytes()).isBetween(estimate + 16 + 1024, estimate + 16 + 1024 + 15);
    assertThat(p.flatbuffer()).isEqualTo(b);
  }

  @Test
  void offlinePlanIsEmbeddedAndNeverEnlargesTheArena() throws Exception {
    byte[] b = bytes(TestModels.PERSON_DETECT);
    long greedy = TfliteFirmware.prepare(TfliteReader.read(b), b, false).plannedBytes();
    TfliteFirmware.Prepared p = TfliteFirmware.prepare(TfliteReader.read(b), b, true);
    assertThat(p.offlinePlan()).isTrue();
    assertThat(p.plannedBytes()).isLessThanOrEqualTo(greedy);
    Model back = TfliteReader.read(p.flatbuffer());
    assertThat(back.metadata())
        .anySatisfy(m -> assertThat(m.name()).isEqualTo(OfflineMemoryPlan.METADATA_NAME));
  }

  @Test
  void customOpIsAClearError() throws Exception {
    Model model = TfliteReader.read(bytes(TestModels.MICRO_SPEECH));
    model.operatorCodes().add(OperatorCode.custom("MyFancyOp", 1));
    Operator first = model.primarySubgraph().operators().get(0);
    first.setOpcodeIndex(model.operatorCodes().size() - 1);
    assertThatThrownBy(() -> TfliteModels.builtinOps(model))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("custom op 'MyFancyOp'");
  }

  @Test
  void personDetectionFirmwareCompilesEndToEnd(@TempDir Path out) throws Exception {
    Gxx.assumePresent();
    byte[] b = bytes(TestModels.PERSON_DETECT);
    Model model = TfliteReader.read(b);
    TfliteFirmware.Prepared p = TfliteFirmware.prepare(model, b, false);
    FirmwareRequest request =
        TfliteFirmware.request(model, p, "person_detect", List.of("notperson", "person"))
            .template(SketchTemplate.VWW)
            .build();
    FirmwareResult r = FirmwareGenerator.generate(request, out);
    assertThat(out.resolve("model.tflite")).hasBinaryContent(b);
    assertThat(ModelSourceGeneratorTest.parseArray(Files.readString(out.resolve("model.cc"))))
        .isEqualTo(b);
    Gxx.Result cc = Gxx.run(out, "-c", "model.cc", "-o", "model.o");
    assertThat(cc.exitCode()).as(cc.output()).isZero();
    Path sketch = r.sketchDirectory();
    Gxx.copyStubs(sketch.resolve("stubs"));
    Gxx.Result ino =
        Gxx.run(
            sketch,
            "-fsyntax-only",
            "-Istubs",
            "-I.",
            "-include",
            "Arduino.h",
            "-x",
            "c++",
            "person_detect.ino");
    assertThat(ino.exitCode()).as(ino.output()).isZero();
    assertThat(r.report().macs()).isPositive();
  }
}
