package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterTest {
  private static final Path DENSE_MLP = Fixtures.path("savedmodel/keras_sequential_dense_mlp");

  /** Five-value inputs for the dense MLP, counting how often they are read. */
  private static final class FiveValueSamples implements RepresentativeDataset {
    private final List<float[][]> samples = new ArrayList<>();
    int passes;

    FiveValueSamples(int n) {
      Random random = new Random(7);
      for (int i = 0; i < n; i++) {
        float[] x = new float[5];
        for (int k = 0; k < 5; k++) {
          x[k] = (float) random.nextGaussian();
        }
        samples.add(new float[][] {x});
      }
    }

    @Override
    public Iterator<float[][]> iterator() {
      passes++;
      return samples.iterator();
    }
  }

  @Test
  void savedModelBecomesInt8FirmwareWithAReport(@TempDir Path out) throws Exception {
    FiveValueSamples samples = new FiveValueSamples(32);
    List<String> log = new ArrayList<>();
    ConversionResult result =
        Converter.convert(
            ConversionRequest.builder(ModelSource.savedModel(DENSE_MLP), out)
                .representativeData(RepresentativeData.of(samples))
                .labels(List.of("score"))
                .log(
                    new ConversionLog() {
                      @Override
                      public void info(String message) {
                        log.add(message);
                      }

                      @Override
                      public void warn(String message) {
                        log.add("WARN " + message);
                      }
                    })
                .build());

    assertThat(result.unchanged()).isFalse();
    assertThat(result.files())
        .contains(
            out.resolve("model.tflite"),
            out.resolve("model.cc"),
            out.resolve("model.h"),
            out.resolve("report.md"),
            out.resolve("report.json"),
            out.resolve("keras_sequential_dense_mlp/keras_sequential_dense_mlp.ino"),
            out.resolve("keras_sequential_dense_mlp-arduino.zip"));
    assertThat(result.files()).allSatisfy(f -> assertThat(f).isRegularFile());
    assertThat(result.libraryZip())
        .isEqualTo(out.resolve("keras_sequential_dense_mlp-arduino.zip"));
    assertThat(TfliteReader.read(out.resolve("model.tflite")).primarySubgraph().tensors())
        .isNotEmpty();
    assertThat(Files.readString(out.resolve("model.h")))
        .contains("constexpr int kInput0Type = kTensorTypeInt8;");

    ConversionReport report = result.report().orElseThrow();
    assertThat(report.quantization())
        .isEqualTo("int8 (quantized from float32, calibrated on 32 samples)");
    assertThat(report.agreement().samples()).isEqualTo(32);
    assertThat(report.worstTensors()).isNotEmpty();
    assertThat(result.footprint().orElseThrow().arenaBytes()).isPositive();
    assertThat(Files.readString(out.resolve("report.json")))
        .contains("\"top1Agreement\"")
        .contains("\"sqnrDb\"");
    assertThat(log)
        .anySatisfy(
            l -> assertThat(l).startsWith("keras_sequential_dense_mlp for nano33ble: model "));
  }

  @Test
  void samplesAreReadOnceForCalibrationAndOnceForTheQualityFigures(@TempDir Path out)
      throws Exception {
    FiveValueSamples samples = new FiveValueSamples(16);
    Converter.convert(
        ConversionRequest.builder(ModelSource.savedModel(DENSE_MLP), out)
            .representativeData(RepresentativeData.of(samples))
            .build());
    assertThat(samples.passes).isEqualTo(2);
  }

  @Test
  void anUnchangedSecondConversionIsSkippedWhenAsked(@TempDir Path out) throws Exception {
    ConversionRequest request =
        ConversionRequest.builder(
                ModelSource.tflite(Fixtures.path("tflite/hello_world/hello_world_int8.tflite")),
                out)
            .skipWhenUnchanged(true)
            .build();
    ConversionResult first = Converter.convert(request);
    ConversionResult second = Converter.convert(request);
    assertThat(first.unchanged()).isFalse();
    assertThat(second.unchanged()).isTrue();
    assertThat(second.report()).isEmpty();
    assertThat(second.files()).containsExactlyInAnyOrderElementsOf(first.files());
  }

  @Test
  void aFloatModelWithoutSamplesNamesTheSettingsToUse(@TempDir Path out) {
    ConversionRequest request =
        ConversionRequest.builder(ModelSource.savedModel(DENSE_MLP), out).build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("needs representative samples: set representativeData")
        .hasMessageContaining("quantization=none");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void firmwareThatDoesNotFitTheBoardIsRefusedWithItsNumbers(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("o");
    ConversionRequest request =
        ConversionRequest.builder(
                ModelSource.tflite(Fixtures.path("tflite/person_detection/person_detect.tflite")),
                out)
            .board(Board.custom(256L * 1024, 64L * 1024))
            .template(SketchTemplate.VWW)
            .build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("does not fit board custom");
    assertThat(out).doesNotExist();
  }
}
