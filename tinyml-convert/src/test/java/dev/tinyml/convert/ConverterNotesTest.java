package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.preprocess.SamplePreprocessing;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the conversion tells the user about its own figures: in the log and in the report. */
class ConverterNotesTest {
  private static final Path DENSE_MLP = Fixtures.path("savedmodel/keras_sequential_dense_mlp");

  /** Collects the log, warnings marked. */
  private static final class Lines implements ConversionLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
      lines.add(message);
    }

    @Override
    public void warn(String message) {
      lines.add("WARN " + message);
    }
  }

  /** {@code n} five-value inputs, counting the passes over them. */
  private static final class Inputs implements RepresentativeDataset {
    private final List<float[][]> samples = new ArrayList<>();
    int passes;

    Inputs(int n, float offset) {
      for (int i = 0; i < n; i++) {
        float[] x = new float[5];
        for (int k = 0; k < 5; k++) {
          x[k] = offset + (float) Math.sin(i * 5 + k);
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

  private static Path csvSamples(Path dir, int n) throws Exception {
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      Files.writeString(dir.resolve("s" + i + ".csv"), "0.1,-0.2,0.3,-0.4,0." + i + "\n");
    }
    return dir;
  }

  @Test
  void fewCalibrationSamplesAreWarnedInTheLogAndNotedInTheReport(@TempDir Path dir)
      throws Exception {
    Lines log = new Lines();
    Path out = dir.resolve("out");
    ConversionResult result =
        Converter.convert(
            ConversionRequest.builder(ModelSource.savedModel(DENSE_MLP), out)
                .representativeData(
                    RepresentativeData.directory(
                        csvSamples(dir.resolve("calibration"), 3), SamplePreprocessing.none()))
                .log(log)
                .build());

    assertThat(log.lines)
        .anySatisfy(l -> assertThat(l).startsWith("WARN representativeData: only 3 samples in "));
    ConversionReport report = result.report().orElseThrow();
    assertThat(report.notes())
        .anySatisfy(n -> assertThat(n).startsWith("representativeData: only 3 samples in "));
    assertThat(Files.readString(out.resolve("report.md")))
        .contains("## Notes")
        .contains("fewer than about 50 are often poor");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"notes\"");
  }

  @Test
  void theAgreementIsSaidToBeOnTheCalibrationSamplesWhenNoHeldOutDataIsGiven(@TempDir Path out)
      throws Exception {
    ConversionReport report =
        Converter.convert(
                ConversionRequest.builder(ModelSource.savedModel(DENSE_MLP), out)
                    .representativeData(RepresentativeData.of(new Inputs(20, 0)))
                    .build())
            .report()
            .orElseThrow();
    assertThat(report.agreement().onCalibrationSamples()).isTrue();
    assertThat(Files.readString(out.resolve("report.md")))
        .contains("on 20 samples (the calibration samples)");
  }

  @Test
  void heldOutSamplesAreReadOnceAndTheAgreementIsMeasuredOnThem(@TempDir Path out)
      throws Exception {
    Inputs calibration = new Inputs(20, 0);
    Inputs heldOut = new Inputs(8, 0.5f);
    ConversionReport report =
        Converter.convert(
                ConversionRequest.builder(ModelSource.savedModel(DENSE_MLP), out)
                    .representativeData(RepresentativeData.of(calibration))
                    .heldOutData(RepresentativeData.of(heldOut))
                    .build())
            .report()
            .orElseThrow();
    assertThat(heldOut.passes).isEqualTo(1);
    assertThat(report.agreement().samples()).isEqualTo(8);
    assertThat(report.agreement().onCalibrationSamples()).isFalse();
    assertThat(report.quantization()).contains("calibrated on 20 samples");
  }

  @Test
  void aHeldOutDirectoryIsNamedInTheReportAndItsSizeWarnedAboutAsSuch(@TempDir Path dir)
      throws Exception {
    Lines log = new Lines();
    Path out = dir.resolve("out");
    Converter.convert(
        ConversionRequest.builder(ModelSource.savedModel(DENSE_MLP), out)
            .representativeData(RepresentativeData.of(new Inputs(20, 0)))
            .heldOutData(
                RepresentativeData.directory(
                    csvSamples(dir.resolve("test_inputs"), 4), SamplePreprocessing.none()))
            .log(log)
            .build());
    assertThat(Files.readString(out.resolve("report.md")))
        .contains("on 4 samples (held-out samples in test_inputs (heldOutData))");
    assertThat(log.lines)
        .anySatisfy(l -> assertThat(l).startsWith("WARN heldOutData: only 4 samples in "))
        .noneSatisfy(l -> assertThat(l).contains("int8 ranges calibrated"));
  }

  @Test
  void aBudgetGivenWithAKnownBoardReplacesItsOwnAndIsSaidSo(@TempDir Path out) throws Exception {
    Lines log = new Lines();
    ConversionReport report =
        Converter.convert(
                ConversionRequest.builder(
                        ModelSource.tflite(
                            Fixtures.path("tflite/hello_world/hello_world_int8.tflite")),
                        out)
                    .board(Board.resolve("nano33ble", null, 100_000L))
                    .log(log)
                    .build())
            .report()
            .orElseThrow();
    assertThat(report.footprint().ramBudget()).isEqualTo(100_000L);
    String note = "board nano33ble budget: RAM 100,000 B (ramBytes) instead of its 262,144 B.";
    assertThat(report.notes()).containsExactly(note);
    assertThat(log.lines).contains(note);
  }
}
