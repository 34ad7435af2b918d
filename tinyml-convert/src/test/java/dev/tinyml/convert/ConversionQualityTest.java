package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.quant.ModelQuantizer;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionQualityTest {
  private static final String PERSON_DETECT = "tflite/person_detection/person_detect.tflite";

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
  void measuresAgreementAndTheWorstTensorsOfAQuantizedModel() throws Exception {
    Model f = read("tflite/hello_world/hello_world_float.tflite");
    Model q = ModelQuantizer.quantize(f, sineInputs());
    ConversionQuality.Measured m = ConversionQuality.measure(f, q, sineInputs(), 2);
    assertThat(m.agreement().samples()).isEqualTo(32);
    assertThat(m.agreement().meanAbsoluteError()).isLessThan(0.1);
    assertThat(m.worstTensors()).hasSize(2);
    assertThat(m.worstTensors().get(0).sqnrDb())
        .isLessThanOrEqualTo(m.worstTensors().get(1).sqnrDb());
  }

  @Test
  void modelsWithoutSharedTensorNamesCannotBeCompared() throws Exception {
    Model q = read("tflite/hello_world/hello_world_int8.tflite");
    assertThatThrownBy(() -> ConversionQuality.measure(q, q, sineInputs(), 5))
        .isInstanceOf(ConversionException.class)
        .hasMessageStartingWith("Cannot compare float and int8 models: ")
        .hasMessageContaining("matches tensors by name");
  }

  @Test
  void histogramsOfTheLargestWeightTensorsArePngs() throws Exception {
    Map<String, byte[]> h = ConversionQuality.weightHistograms(read(PERSON_DETECT), 3);
    assertThat(h.keySet().stream().filter(k -> !k.endsWith(" per-channel ranges"))).hasSize(3);
    assertThat(h.values())
        .allSatisfy(png -> assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N'));
    Map<String, byte[]> again = ConversionQuality.weightHistograms(read(PERSON_DETECT), 3);
    assertThat(again.keySet()).containsExactlyElementsOf(h.keySet());
    h.forEach((k, v) -> assertThat(again.get(k)).isEqualTo(v));
  }

  @Test
  void floatWeightsGetHistogramsToo() throws Exception {
    assertThat(ConversionQuality.weightHistograms(read("tflite/magic_wand/magic_wand.tflite"), 10))
        .isNotEmpty();
  }

  @Test
  void aPerChannelTensorGetsAChartOfItsChannelRangesBesideItsHistogram() throws Exception {
    Model model = read(PERSON_DETECT);
    Map<String, byte[]> h = ConversionQuality.weightHistograms(model, 3);
    List<String> perChannel =
        h.keySet().stream().filter(k -> k.endsWith(" per-channel ranges")).toList();
    assertThat(perChannel).isNotEmpty();
    for (String key : perChannel) {
      String tensor = key.substring(0, key.length() - " per-channel ranges".length());
      assertThat(h).containsKey(tensor);
      double[] ranges = ConversionQuality.channelRanges(model, tensor);
      assertThat(ranges.length).isGreaterThan(1);
      for (double r : ranges) {
        assertThat(r).isFinite().isNotNegative();
      }
    }
  }

  @Test
  void theSpreadNamesTheNarrowestAndWidestChannelAndCountsEmptyOnes() {
    assertThat(ConversionQuality.spread(new double[] {0.01, 0.5, 0, 1.0}))
        .isEqualTo("ranges 0.0100 to 1.00, 100x, 1 all-zero");
  }
}
