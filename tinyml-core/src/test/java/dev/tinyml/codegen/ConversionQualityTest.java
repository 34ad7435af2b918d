package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionQualityTest {
  private static Model read(String fixture) throws Exception {
    return TfliteReader.read(Fixtures.path(fixture));
  }

  private static RepresentativeDataset sineInputs() {
    List<float[]> xs = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      xs.add(new float[] {(float) (i * 2 * Math.PI / 31)});
    }
    return RepresentativeDataset.ofSingleInput(xs);
  }

  @Test
  void aModelAgreesFullyWithItself() throws Exception {
    Model m = read("tflite/hello_world/hello_world_int8.tflite");
    ConversionReport.Agreement a = ConversionQuality.agreement(m, m, sineInputs());
    assertThat(a.samples()).isEqualTo(32);
    assertThat(a.top1Agreement()).isEqualTo(1.0);
    assertThat(a.meanAbsoluteError()).isZero();
  }

  @Test
  void floatAndPublishedInt8HelloWorldStayClose() throws Exception {
    ConversionReport.Agreement a =
        ConversionQuality.agreement(
            read("tflite/hello_world/hello_world_float.tflite"),
            read("tflite/hello_world/hello_world_int8.tflite"),
            sineInputs());
    // Both approximate sin(x) within 0.05 (fixtures/MANIFEST.md), so they differ by at most ~0.1.
    assertThat(a.meanAbsoluteError()).isLessThan(0.1);
  }

  @Test
  void histogramsOfTheLargestWeightTensorsArePngs() throws Exception {
    Map<String, byte[]> h = ConversionQuality.weightHistograms(read(TestModels.PERSON_DETECT), 3);
    assertThat(h).hasSize(3);
    assertThat(h.values())
        .allSatisfy(png -> assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N'));
    Map<String, byte[]> again =
        ConversionQuality.weightHistograms(read(TestModels.PERSON_DETECT), 3);
    assertThat(again.keySet()).containsExactlyElementsOf(h.keySet());
    h.forEach((k, v) -> assertThat(again.get(k)).isEqualTo(v));
  }

  @Test
  void floatWeightsGetHistogramsToo() throws Exception {
    assertThat(ConversionQuality.weightHistograms(read("tflite/magic_wand/magic_wand.tflite"), 10))
        .isNotEmpty();
  }
}
