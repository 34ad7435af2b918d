package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.quant.CalibrationMethod;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionSettingsTest {
  private static ConversionSettings tflite(Path dir) {
    return new ConversionSettings()
        .tfliteModel(dir.resolve("model.tflite"))
        .outputDirectory(dir.resolve("out"));
  }

  @Test
  void textSettingsBecomeTypedRequestValues(@TempDir Path dir) throws Exception {
    ConversionRequest r =
        tflite(dir)
            .quantization("NONE")
            .calibration("percentile:99.9")
            .ioTypes("float32", null)
            .board("custom", 2048L, 1024L)
            .template("kws", Map.of("detection_threshold", "0.7f"))
            .labels("yes, no")
            .toRequest();
    assertThat(r.quantization()).isEqualTo(Quantization.NONE);
    assertThat(r.calibration()).isEqualTo(CalibrationMethod.percentile(99.9));
    assertThat(r.inputType()).isEqualTo(TensorType.FLOAT32);
    assertThat(r.outputType()).isNull();
    assertThat(r.board().flashBytes()).isEqualTo(2048L);
    assertThat(r.template()).isEqualTo(SketchTemplate.KWS);
    assertThat(r.labels()).containsExactly("yes", "no");
    assertThat(r.source()).isEqualTo(ModelSource.tflite(dir.resolve("model.tflite")));
  }

  @Test
  void aLabelsFileIsReadOneLabelPerLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("labels.txt"), "cat\n\ndog\n");
    ConversionRequest r = tflite(dir).baseDirectory(dir).labels("labels.txt").toRequest();
    assertThat(r.labels()).containsExactly("cat", "dog");
  }

  @Test
  void errorsNameTheSettingWithThePrefix(@TempDir Path dir) {
    assertThatThrownBy(() -> tflite(dir).names("tinyml.", "").quantization("int4").toRequest())
        .isInstanceOf(ConversionException.class)
        .hasMessage("tinyml.quantization must be int8, int16x8 or none, got 'int4'");
    assertThatThrownBy(() -> tflite(dir).calibration("kl").toRequest())
        .hasMessage("calibration=kl: use " + CalibrationMethod.FORMS + ".");
    assertThatThrownBy(() -> tflite(dir).ioTypes("int4", null).toRequest())
        .hasMessage("inputType must be one of [int8, uint8, int16, float32], got 'int4'");
    assertThatThrownBy(() -> tflite(dir).board("custom", null, 1L).toRequest())
        .hasMessageContaining("Board 'custom' needs flashBytes and ramBytes");
  }

  @Test
  void noModelSaysWhereSettingsAreGiven() {
    assertThatThrownBy(
            () ->
                new ConversionSettings()
                    .names("tinyml.", "in the plugin configuration or with -D")
                    .toRequest())
        .hasMessage(
            "No model to convert: set tinyml.tfliteModel (a .tflite file) or tinyml.savedModel (a"
                + " SavedModel directory), in the plugin configuration or with -D.");
  }

  @Test
  void aDatasetClassAndASampleDirectoryAreOneSourceTooMany(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                tflite(dir)
                    .representativeData(dir)
                    .representativeDatasetClass("com.example.Samples", List.of())
                    .toRequest())
        .hasMessageContaining("Both representativeData and representativeDatasetClass are set");
  }

  @Test
  void theDefaultNameIsUsedOnlyWhenNoNameIsSet(@TempDir Path dir) throws Exception {
    assertThat(tflite(dir).defaultName("my-app").toRequest().name()).isEqualTo("my-app");
    assertThat(tflite(dir).defaultName("my-app").name("kws").toRequest().name()).isEqualTo("kws");
    assertThat(tflite(dir).toRequest().name()).isNull();
  }

  @Test
  void heldOutDataIsReadWithTheRepresentativeDataPreprocessing(@TempDir Path dir) throws Exception {
    ConversionRequest r =
        tflite(dir)
            .representativeData(dir.resolve("calibration"))
            .heldOutData(dir.resolve("test"))
            .preprocessing("mfcc")
            .toRequest();
    RepresentativeData.Directory heldOut = (RepresentativeData.Directory) r.heldOutData();
    assertThat(heldOut.directory()).isEqualTo(dir.resolve("test"));
    assertThat(heldOut.preprocessing().name()).isEqualTo("mfcc");
  }

  @Test
  void heldOutDataWithoutRepresentativeDataIsRefused(@TempDir Path dir) {
    assertThatThrownBy(
            () -> tflite(dir).names("tinyml.", "").heldOutData(dir.resolve("t")).toRequest())
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("tinyml.heldOutData needs tinyml.representativeData");
  }

  @Test
  void aKnownBoardTakesTheGivenBudget(@TempDir Path dir) throws Exception {
    ConversionRequest r = tflite(dir).board("esp32", null, 200_000L).toRequest();
    assertThat(r.board().id()).isEqualTo("esp32");
    assertThat(r.board().ramBytes()).isEqualTo(200_000L);
  }

  @Test
  void theBackendIsReadByNameAndAnUnknownOneIsNamedWithThePrefix(@TempDir Path dir)
      throws Exception {
    assertThat(tflite(dir).toRequest().backend()).isEqualTo(Backend.TFLM);
    assertThat(tflite(dir).backend("c").toRequest().backend()).isEqualTo(Backend.C);
    assertThatThrownBy(() -> tflite(dir).names("tinyml.", "").backend("gpu").toRequest())
        .isInstanceOf(ConversionException.class)
        .hasMessage("tinyml.backend must be tflm or c, got 'gpu'");
  }
}
