package dev.tinyml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertMojoTest {
  /** Keeps what the mojo logs. */
  static final class CapturingLog extends SystemStreamLog {
    final List<String> infos = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      infos.add(content.toString());
    }

    @Override
    public void warn(CharSequence content) {
      warnings.add(content.toString());
    }
  }

  private static ConvertMojo mojo(Path out, CapturingLog log) {
    ConvertMojo m = new ConvertMojo();
    m.outputDirectory = out.toFile();
    m.setLog(log);
    return m;
  }

  private static File fixture(String path) {
    return Fixtures.path(path).toFile();
  }

  @Test
  void quantizedTfliteBecomesFirmware(@TempDir Path out) throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(out, log);
    m.tfliteModel = fixture("tflite/micro_speech/micro_speech_quantized.tflite");
    m.labels = "silence, unknown, yes, no";
    m.template = "kws";
    m.execute();
    assertThat(out.resolve("model.tflite"))
        .hasBinaryContent(Files.readAllBytes(m.tfliteModel.toPath()));
    assertThat(out.resolve("micro_speech_quantized/micro_speech_quantized.ino")).isRegularFile();
    assertThat(out.resolve("micro_speech_quantized-arduino.zip")).isRegularFile();
    assertThat(Files.readString(out.resolve("report.md")))
        .contains("int8 (model was already quantized)");
    assertThat(log.infos).anySatisfy(l -> assertThat(l).contains("flash").contains("RAM"));
  }

  @Test
  void unchangedSecondRunSkipsAndSaysSo(@TempDir Path out) throws Exception {
    CapturingLog first = new CapturingLog();
    ConvertMojo a = mojo(out, first);
    a.tfliteModel = fixture("tflite/hello_world/hello_world_int8.tflite");
    a.execute();
    Map<String, Long> before = modified(out);

    CapturingLog second = new CapturingLog();
    ConvertMojo b = mojo(out, second);
    b.tfliteModel = fixture("tflite/hello_world/hello_world_int8.tflite");
    b.execute();
    assertThat(second.infos).anySatisfy(l -> assertThat(l).contains("unchanged").contains("skip"));
    assertThat(modified(out)).isEqualTo(before);

    CapturingLog third = new CapturingLog();
    ConvertMojo c = mojo(out, third);
    c.tfliteModel = fixture("tflite/hello_world/hello_world_int8.tflite");
    c.board = "portenta-h7";
    c.execute();
    assertThat(third.infos).noneSatisfy(l -> assertThat(l).contains("unchanged"));
  }

  @Test
  void floatTfliteWithoutQuantizationIsPackagedAsFloat(@TempDir Path out) throws Exception {
    ConvertMojo m = mojo(out, new CapturingLog());
    m.tfliteModel = fixture("tflite/hello_world/hello_world_float.tflite");
    m.quantization = "none";
    m.execute();
    assertThat(Files.readString(out.resolve("model.h"))).contains("kTensorTypeFloat32 = 0");
  }

  @Test
  void floatTfliteWithInt8NeedsRepresentativeData(@TempDir Path out) {
    ConvertMojo m = mojo(out, new CapturingLog());
    m.tfliteModel = fixture("tflite/hello_world/hello_world_float.tflite");
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("needs representative samples")
        .hasMessageContaining("tinyml.representativeData")
        .hasMessageContaining("tinyml.quantization=none");
  }

  @Test
  void floatTfliteIsQuantizedToInt8WithAgreementInTheReport(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      csv.append(i * 2 * Math.PI / 63).append('\n');
    }
    Files.writeString(data.resolve("x.csv"), csv);
    Path out = dir.resolve("o");
    ConvertMojo m = mojo(out, new CapturingLog());
    m.tfliteModel = fixture("tflite/hello_world/hello_world_float.tflite");
    m.representativeData = data.toFile();
    m.execute();
    assertThat(Files.readString(out.resolve("model.h")))
        .contains("constexpr int kInput0Type = kTensorTypeInt8;");
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report)
        .contains("int8 (quantized from float32, calibrated on 64 samples)")
        .contains("Top-1 agreement 100.00 % on 64 samples")
        .contains("](histograms/");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"sqnrDb\"");
  }

  @Test
  void calibrationMethodAndBiasCorrectionReachTheQuantizer(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      csv.append(i * 2 * Math.PI / 63).append('\n');
    }
    Files.writeString(data.resolve("x.csv"), csv);
    Path plain = dir.resolve("plain");
    ConvertMojo a = mojo(plain, new CapturingLog());
    a.tfliteModel = fixture("tflite/hello_world/hello_world_float.tflite");
    a.representativeData = data.toFile();
    a.execute();
    Path tuned = dir.resolve("tuned");
    ConvertMojo b = mojo(tuned, new CapturingLog());
    b.tfliteModel = fixture("tflite/hello_world/hello_world_float.tflite");
    b.representativeData = data.toFile();
    b.calibration = "percentile:99";
    b.biasCorrection = true;
    b.execute();
    assertThat(Files.readString(tuned.resolve("report.md")))
        .contains("calibrated on 64 samples, percentile:99 ranges, bias correction)");
    assertThat(Files.readAllBytes(tuned.resolve("model.tflite")))
        .isNotEqualTo(Files.readAllBytes(plain.resolve("model.tflite")));
  }

  @Test
  void badCalibrationValuesAreNamedInTheError(@TempDir Path out) {
    ConvertMojo m = mojo(out, new CapturingLog());
    m.tfliteModel = fixture("tflite/hello_world/hello_world_int8.tflite");
    m.calibration = "percentile";
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("tinyml.calibration=percentile")
        .hasMessageContaining("percentile:P");
    m.calibration = "percentile:40";
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("percentile must be in (50, 100]");
    m.calibration = "kl";
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("tinyml.calibration=kl");
  }

  @Test
  void overBudgetModelFailsWithItsNumbers(@TempDir Path dir) {
    Path out = dir.resolve("o");
    ConvertMojo m = mojo(out, new CapturingLog());
    m.tfliteModel = fixture("tflite/person_detection/person_detect.tflite");
    m.board = "custom";
    m.flashBytes = 256L * 1024;
    m.ramBytes = 64L * 1024;
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("does not fit board custom")
        .hasMessageContaining("flash: model 300568 B")
        .hasMessageContaining("> 262144 B available")
        .hasMessageContaining("> 65536 B available");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingModelIsAClearError(@TempDir Path out) {
    ConvertMojo m = mojo(out, new CapturingLog());
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("set tinyml.tfliteModel");
    m.tfliteModel = out.resolve("nope.tflite").toFile();
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("nope.tflite does not exist");
  }

  @Test
  void notATfliteFileIsAClearError(@TempDir Path out) throws Exception {
    Path junk = Files.writeString(out.resolve("junk.tflite"), "not a flatbuffer at all");
    ConvertMojo m = mojo(out.resolve("o"), new CapturingLog());
    m.tfliteModel = junk.toFile();
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("junk.tflite is not a valid .tflite model");
  }

  @Test
  void wrongSignatureListsTheModelsSignatures(@TempDir Path out) {
    ConvertMojo m = mojo(out, new CapturingLog());
    m.tfliteModel = fixture("tflite/hello_world/hello_world_int8.tflite");
    m.signature = "predict";
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no signature 'predict'")
        .hasMessageContaining("serving_default");
  }

  @Test
  void emptyRepresentativeDataDirectoryIsAnError(@TempDir Path out) throws Exception {
    Path empty = Files.createDirectories(out.resolve("data"));
    ConvertMojo m = mojo(out.resolve("o"), new CapturingLog());
    m.tfliteModel = fixture("tflite/hello_world/hello_world_int8.tflite");
    m.representativeData = empty.toFile();
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("representativeData")
        .hasMessageContaining("is empty");
  }

  @Test
  void badConfigurationValuesAreNamed(@TempDir Path out) {
    ConvertMojo m = mojo(out, new CapturingLog());
    m.tfliteModel = fixture("tflite/hello_world/hello_world_int8.tflite");
    m.quantization = "int4";
    assertThatThrownBy(m::execute)
        .hasMessageContaining("tinyml.quantization must be int8, int16x8 or none");
    m.quantization = "int8";
    m.board = "uno";
    assertThatThrownBy(m::execute).hasMessageContaining("Unknown board 'uno'");
    m.board = "custom";
    assertThatThrownBy(m::execute).hasMessageContaining("tinyml.flashBytes and tinyml.ramBytes");
    m.board = "nano33ble";
    m.template = "audio";
    assertThatThrownBy(m::execute).hasMessageContaining("Unknown sketch template 'audio'");
    m.template = "generic";
    m.inputType = "float32";
    assertThatThrownBy(m::execute)
        .hasMessageContaining("tinyml.inputType=float32")
        .hasMessageContaining("is int8");
  }

  @Test
  void labelsComeFromAFileOnePerLine(@TempDir Path out) throws Exception {
    Path labels = Files.writeString(out.resolve("labels.txt"), "notperson\nperson\n");
    ConvertMojo m = mojo(out.resolve("o"), new CapturingLog());
    m.tfliteModel = fixture("tflite/person_detection/person_detect.tflite");
    m.template = "vww";
    m.labels = labels.toString();
    m.execute();
    assertThat(Files.readString(out.resolve("o/model.cc"))).contains("{\"notperson\", \"person\"}");
  }

  @Test
  void savedModelWithoutQuantizationIsImportedAndPackaged(@TempDir Path out) throws Exception {
    ConvertMojo m = mojo(out, new CapturingLog());
    m.savedModel = fixture("savedmodel/keras_sequential_dense_mlp");
    m.quantization = "none";
    m.execute();
    assertThat(out.resolve("model.tflite")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("report.md"))).contains("none (float model)");
  }

  @Test
  void skipDoesNothing(@TempDir Path out) throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(out.resolve("o"), log);
    m.skip = true;
    m.execute();
    assertThat(out.resolve("o")).doesNotExist();
    assertThat(log.infos).containsExactly("tinyml:convert skipped (tinyml.skip=true)");
  }

  private static Map<String, Long> modified(Path dir) throws Exception {
    Map<String, Long> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return m;
  }
}
