package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
  private static ConversionReport report(boolean measured) throws Exception {
    return report(measured ? new ConversionReport.Agreement(100, 0.97, 0.0125) : null, List.of());
  }

  private static ConversionReport report(ConversionReport.Agreement agreement, List<String> notes)
      throws Exception {
    boolean measured = agreement != null;
    ModelDescription m = TestModels.microSpeech(10_000);
    return new ConversionReport(
        m.name(),
        "micro_speech_quantized.tflite",
        "int8",
        "nano33ble",
        "kws",
        m.inputs(),
        m.outputs(),
        List.of(new ConversionReport.OpUse("RESHAPE", 1, 1)),
        Footprint.estimate(m, SketchTemplate.KWS, Board.NANO33BLE),
        measured ? 336_000L : null,
        agreement,
        measured ? List.of(new ConversionReport.TensorSqnr("conv|1", 18.5)) : List.of(),
        List.of(),
        notes);
  }

  @Test
  void jsonHasEveryFieldWithItsValue() throws Exception {
    JsonNode j = new ObjectMapper().readTree(ReportWriter.json(report(true)));
    assertThat(j.get("model").asText()).isEqualTo("micro_speech_quantized");
    assertThat(j.get("inputs").get(0).get("shape").toString()).isEqualTo("[1,1960]");
    assertThat(j.get("ops").get(0).get("op").asText()).isEqualTo("RESHAPE");
    assertThat(j.get("footprint").get("arenaBytes").asLong()).isEqualTo(10_000);
    assertThat(j.get("footprint").get("modelBytes").asLong()).isEqualTo(18_800);
    assertThat(j.get("macs").asLong()).isEqualTo(336_000);
    assertThat(j.get("agreement").get("top1Agreement").asDouble()).isEqualTo(0.97);
    assertThat(j.get("worstTensorsBySqnr").get(0).get("sqnrDb").asDouble()).isEqualTo(18.5);
  }

  @Test
  void missingMeasurementsAreNullInJsonAndSaidInMarkdown() throws Exception {
    ConversionReport r = report(false);
    JsonNode j = new ObjectMapper().readTree(ReportWriter.json(r));
    assertThat(j.get("macs").isNull()).isTrue();
    assertThat(j.get("agreement").isNull()).isTrue();
    assertThat(ReportWriter.markdown(r))
        .contains("| MACs per inference | not counted |")
        .contains("Not measured (no float model or no representative data).");
  }

  @Test
  void markdownEscapesTableCellsAndShowsBudgetUse() throws Exception {
    String md = ReportWriter.markdown(report(true));
    assertThat(md)
        .contains("| conv\\|1 | 18.50 |")
        .contains("Top-1 agreement 97.00 % on 100 samples")
        .contains("| **RAM** |")
        .contains("| MACs per inference | 336,000 |");
  }

  @Test
  void anAgreementOnTheCalibrationSamplesSaysSoAndPointsToHeldOutData() throws Exception {
    ConversionReport r = report(true);
    JsonNode j = new ObjectMapper().readTree(ReportWriter.json(r));
    assertThat(j.get("agreement").get("measuredOn").asText()).isEqualTo("the calibration samples");
    assertThat(j.get("agreement").get("onCalibrationSamples").asBoolean()).isTrue();
    assertThat(ReportWriter.markdown(r))
        .contains("on 100 samples (the calibration samples)")
        .contains("give held-out samples (heldOutData)");
  }

  @Test
  void anAgreementOnHeldOutSamplesNamesThem() throws Exception {
    ConversionReport r =
        report(
            new ConversionReport.Agreement(40, 0.95, 0.01, "held-out samples in test_clips"),
            List.of());
    JsonNode j = new ObjectMapper().readTree(ReportWriter.json(r));
    assertThat(j.get("agreement").get("onCalibrationSamples").asBoolean()).isFalse();
    assertThat(ReportWriter.markdown(r))
        .contains("on 40 samples (held-out samples in test_clips)")
        .doesNotContain("optimistic");
  }

  @Test
  void notesAreListedInBothForms() throws Exception {
    ConversionReport r = report(null, List.of("only 3 calibration samples"));
    JsonNode j = new ObjectMapper().readTree(ReportWriter.json(r));
    assertThat(j.get("notes").get(0).asText()).isEqualTo("only 3 calibration samples");
    assertThat(ReportWriter.markdown(r)).contains("## Notes\n\n- only 3 calibration samples\n");
  }
}
