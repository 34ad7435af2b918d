package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {
  private static Model read(String fixture) throws Exception {
    return TfliteReader.read(Fixtures.path(fixture));
  }

  private static List<float[]> sines() {
    List<float[]> xs = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      xs.add(new float[] {(float) (i * 2 * Math.PI / 31)});
    }
    return xs;
  }

  /** Counts how often it is iterated. */
  private static final class CountingDataset implements RepresentativeDataset {
    private final RepresentativeDataset samples = RepresentativeDataset.ofSingleInput(sines());
    int passes;

    @Override
    public Iterator<float[][]> iterator() {
      passes++;
      return samples.iterator();
    }
  }

  @Test
  void aModelAgreesFullyWithItself() throws Exception {
    Model m = read("tflite/hello_world/hello_world_int8.tflite");
    ModelComparison.Result r =
        ModelComparison.outputs(m, m, RepresentativeDataset.ofSingleInput(sines()));
    assertThat(r.samples()).isEqualTo(32);
    assertThat(r.top1Agreement()).isEqualTo(1.0);
    assertThat(r.meanAbsoluteError()).isZero();
    assertThat(r.disagreements()).isEmpty();
    assertThat(r.tensors()).isNull();
  }

  @Test
  void floatAndPublishedInt8HelloWorldStayClose() throws Exception {
    ModelComparison.Result r =
        ModelComparison.outputs(
            read("tflite/hello_world/hello_world_float.tflite"),
            read("tflite/hello_world/hello_world_int8.tflite"),
            RepresentativeDataset.ofSingleInput(sines()));
    // Both approximate sin(x) within 0.05 (fixtures/MANIFEST.md), so they differ by at most ~0.1.
    assertThat(r.meanAbsoluteError()).isLessThan(0.1);
  }

  @Test
  void tensorsAndOutputsAreMeasuredInOnePassWithTheSameOutputFigures() throws Exception {
    Model f = read("tflite/hello_world/hello_world_float.tflite");
    Model q = ModelQuantizer.quantize(f, RepresentativeDataset.ofSingleInput(sines()));
    CountingDataset data = new CountingDataset();
    ModelComparison.Result both = ModelComparison.outputsAndTensors(f, q, data);
    ModelComparison.Result outputs =
        ModelComparison.outputs(f, q, RepresentativeDataset.ofSingleInput(sines()));

    assertThat(data.passes).isEqualTo(1);
    assertThat(both.samples()).isEqualTo(32);
    assertThat(both.top1Agreeing()).isEqualTo(outputs.top1Agreeing());
    assertThat(both.meanAbsoluteError()).isEqualTo(outputs.meanAbsoluteError());
    assertThat(both.tensors().tensors()).isNotEmpty();
    assertThat(both.tensors().samples()).isEqualTo(32);
  }
}
