package dev.tinyml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.maven.ConvertMojoTest.CapturingLog;
import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convert goal's representative data: sample directories with preprocessing, classes. */
class ConvertRepresentativeDataTest {
  private static final String HELLO_FLOAT = "tflite/hello_world/hello_world_float.tflite";

  private static ConvertMojo mojo(Path out, CapturingLog log) {
    ConvertMojo m = new ConvertMojo();
    m.outputDirectory = out.toFile();
    m.setLog(log);
    return m;
  }

  /** The four one-second micro_speech clips, one class folder each. */
  private static Path clips(Path dir) throws Exception {
    Path data = dir.resolve("clips");
    for (String name : new String[] {"yes", "no", "silence", "noise"}) {
      Files.createDirectories(data.resolve(name));
      Files.copy(
          Fixtures.path("audio/micro_speech/" + name + "_1000ms.wav"),
          data.resolve(name).resolve(name + ".wav"));
    }
    return data;
  }

  @Test
  void wavClipsWithMicroFrontendCalibrateAFloatKeywordModel(@TempDir Path dir) throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(dir.resolve("o"), log);
    m.tfliteModel = TinyFloatModel.write(dir.resolve("kws_float.tflite"), 1960, 4).toFile();
    m.representativeData = clips(dir).toFile();
    m.preprocessing = "micro-frontend";
    m.template = "kws";
    m.labels = "silence, unknown, yes, no";
    m.execute();

    assertThat(Files.readString(dir.resolve("o/report.md")))
        .contains("int8 (quantized from float32, calibrated on 4 samples)");
    assertThat(Files.readString(dir.resolve("o/model.h")))
        .contains("constexpr int kInput0Type = kTensorTypeInt8;");
    assertThat(log.infos)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("4 representative samples from 4 files")
                    .contains("(preprocessing micro-frontend)"));
  }

  @Test
  void wavClipsWithMfccCalibrateAFloatModelOfFortyNineFramesOfTenCoefficients(@TempDir Path dir)
      throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(dir.resolve("o"), log);
    m.tfliteModel = TinyFloatModel.write(dir.resolve("mfcc_float.tflite"), 490, 12).toFile();
    m.representativeData = clips(dir).toFile();
    m.preprocessing = "mfcc";
    m.execute();

    assertThat(Files.readString(dir.resolve("o/report.md")))
        .contains("calibrated on 4 samples")
        .contains("Top-1 agreement");
    assertThat(log.infos).anySatisfy(l -> assertThat(l).contains("(preprocessing mfcc)"));
  }

  @Test
  void gestureCsvWindowsCalibrateMagicWand(@TempDir Path dir) throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(dir.resolve("o"), log);
    m.tfliteModel = Fixtures.path("tflite/magic_wand/magic_wand.tflite").toFile();
    m.representativeData = Fixtures.path("sensor/magic_wand").toFile();
    m.preprocessing = "time-series";
    m.windowSize = 128;
    m.windowStride = 32;
    m.execute();

    // Two 128-row files give one window each at any stride.
    assertThat(Files.readString(dir.resolve("o/report.md"))).contains("calibrated on 2 samples");
  }

  @Test
  void imagesAreResizedToAFloatImageModelsInput(@TempDir Path dir) throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(dir.resolve("o"), log);
    m.tfliteModel =
        TinyFloatModel.write(dir.resolve("vww_float.tflite"), new int[] {1, 48, 48, 1}, 2).toFile();
    m.representativeData = Fixtures.path("images/person_detection").toFile();
    m.preprocessing = "image";
    m.imageNormalization = "minus-one-one";
    m.execute();

    assertThat(Files.readString(dir.resolve("o/report.md"))).contains("calibrated on 2 samples");
    assertThat(log.infos)
        .anySatisfy(
            l -> assertThat(l).contains("2 representative samples from 2 files").contains("image"));
  }

  @Test
  void optionsOfAnotherPreprocessingAreReportedAsIgnored(@TempDir Path dir) throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(dir.resolve("o"), log);
    m.tfliteModel = Fixtures.path("tflite/hello_world/hello_world_int8.tflite").toFile();
    m.windowSize = 64;
    m.imageNormalization = "minus-one-one";
    m.execute();

    assertThat(log.warnings)
        .contains(
            "tinyml.windowSize/tinyml.windowStride apply to preprocessing time-series only;"
                + " preprocessing none ignores them.",
            "tinyml.imageNormalization applies to preprocessing image only; preprocessing none"
                + " ignores it.");
  }

  @Test
  void skippedFilesAreReportedAsAWarning(@TempDir Path dir) throws Exception {
    Path data = clips(dir);
    Files.writeString(data.resolve("LICENSE.txt"), "CC-BY 4.0");
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(dir.resolve("o"), log);
    m.tfliteModel = TinyFloatModel.write(dir.resolve("kws_float.tflite"), 1960, 4).toFile();
    m.representativeData = data.toFile();
    m.preprocessing = "micro-frontend";
    m.execute();

    assertThat(log.warnings)
        .anySatisfy(
            w ->
                assertThat(w).contains("skipped 1 files").contains(".wav").contains("LICENSE.txt"));
  }

  @Test
  void clipsOfTheWrongLengthNameTheFileAndBothShapes(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("clips"));
    Files.copy(Fixtures.path("audio/micro_speech/yes_30ms.wav"), data.resolve("short.wav"));
    ConvertMojo m = mojo(dir.resolve("o"), new CapturingLog());
    m.tfliteModel = TinyFloatModel.write(dir.resolve("kws_float.tflite"), 1960, 4).toFile();
    m.representativeData = data.toFile();
    m.preprocessing = "micro-frontend";

    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("tinyml.representativeData: ")
        .hasMessageContaining("short.wav gives micro-frontend features of shape [1, 40]")
        .hasMessageContaining("the model input has shape [1, 1960]");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void wavSamplesWithoutPreprocessingSuggestOne(@TempDir Path dir) throws Exception {
    ConvertMojo m = mojo(dir.resolve("o"), new CapturingLog());
    m.tfliteModel = Fixtures.path(HELLO_FLOAT).toFile();
    m.representativeData = clips(dir).toFile();

    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("No usable samples in " + dir.resolve("clips"))
        .hasMessageContaining("preprocessing none reads .npy, .csv files")
        .hasMessageContaining("use preprocessing micro-frontend, mfcc or log-mel");
  }

  @Test
  void unknownPreprocessingAndNormalizationListTheValidValues(@TempDir Path dir) {
    ConvertMojo m = mojo(dir.resolve("o"), new CapturingLog());
    m.tfliteModel = Fixtures.path(HELLO_FLOAT).toFile();
    m.preprocessing = "spectrogram";
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "tinyml.preprocessing: Unknown preprocessing 'spectrogram'; valid values are none,"
                + " micro-frontend, mfcc, log-mel, image, time-series");
    m.preprocessing = "image";
    m.imageNormalization = "imagenet";
    assertThatThrownBy(m::execute)
        .hasMessage(
            "tinyml.imageNormalization: Unknown image normalization 'imagenet'; valid values are"
                + " zero-one, minus-one-one, none");
    m.imageNormalization = "zero-one";
    m.preprocessing = "time-series";
    m.windowStride = 0;
    assertThatThrownBy(m::execute).hasMessageContaining("tinyml.windowStride must be positive");
  }

  @Test
  void datasetClassFromTheClasspathCalibratesTheModel(@TempDir Path dir) throws Exception {
    CapturingLog log = new CapturingLog();
    ConvertMojo m = mojo(dir.resolve("o"), log);
    m.tfliteModel = Fixtures.path(HELLO_FLOAT).toFile();
    m.representativeDatasetClass = "dev.tinyml.maven.testdata.SineSamples";
    m.execute();

    assertThat(Files.readString(dir.resolve("o/report.md"))).contains("calibrated on 40 samples");
    assertThat(log.infos)
        .contains(
            "tinyml:convert: representative samples from dev.tinyml.maven.testdata.SineSamples");
  }

  @Test
  void datasetClassErrorsSayWhatIsWrong(@TempDir Path dir) {
    ConvertMojo m = mojo(dir.resolve("o"), new CapturingLog());
    m.tfliteModel = Fixtures.path(HELLO_FLOAT).toFile();
    m.representativeDatasetClass = "com.example.Missing";
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("com.example.Missing: no such class on the project's runtime");
    m.representativeDatasetClass = "dev.tinyml.maven.testdata.NoDefaultConstructor";
    assertThatThrownBy(m::execute).hasMessageContaining("has no public no-argument constructor");
    m.representativeDatasetClass = "dev.tinyml.maven.testdata.NotADataset";
    assertThatThrownBy(m::execute)
        .hasMessageContaining(
            "NotADataset does not implement dev.tinyml.quant.RepresentativeDataset");
    m.representativeDatasetClass = "dev.tinyml.maven.testdata.FailingSamples";
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("FailingSamples failed")
        .hasMessageContaining("samples.bin is missing");
    m.representativeData = dir.toFile();
    assertThatThrownBy(m::execute)
        .hasMessageContaining(
            "Both tinyml.representativeData and tinyml.representativeDatasetClass are set");
  }
}
