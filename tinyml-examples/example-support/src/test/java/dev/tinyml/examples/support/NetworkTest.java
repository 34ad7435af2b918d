package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkTest {

  private static Network small() {
    return new Network(
        "small",
        new int[] {8, 8, 1},
        List.of(
            new Layer.Conv2D(3, 3, 8, 2, Padding.SAME, Activation.RELU6),
            new Layer.DepthwiseConv2D(3, 1, Padding.SAME, Activation.RELU6),
            new Layer.Conv2D(1, 1, 4, 1, Padding.SAME, Activation.RELU6),
            new Layer.AvgPool(4, 4),
            new Layer.Flatten(),
            new Layer.Dense(2, Activation.NONE)),
        Network.Output.SOFTMAX);
  }

  @Test
  void layerCountsMatchHandComputedParametersAndMacs() {
    List<Network.LayerSummary> rows = small().summary();
    // conv 3x3x1x8 + 8 biases over a 4x4 output: 4*4*8*9 MACs
    assertThat(rows.get(0).outputShape()).containsExactly(4, 4, 8);
    assertThat(rows.get(0).parameters()).isEqualTo(80);
    assertThat(rows.get(0).macs()).isEqualTo(1152);
    // depthwise 3x3 per channel + 8 biases: 4*4*8*9 MACs
    assertThat(rows.get(1).parameters()).isEqualTo(80);
    assertThat(rows.get(1).macs()).isEqualTo(1152);
    // pointwise 8 -> 4 + 4 biases: 4*4*8*4 MACs
    assertThat(rows.get(2).parameters()).isEqualTo(36);
    assertThat(rows.get(2).macs()).isEqualTo(512);
    assertThat(rows.get(3).outputShape()).containsExactly(1, 1, 4);
    assertThat(rows.get(4).outputShape()).containsExactly(4);
    assertThat(rows.get(5).parameters()).isEqualTo(10);
    assertThat(rows.get(5).macs()).isEqualTo(8);
    assertThat(small().parameterCount()).isEqualTo(206);
    assertThat(small().macCount()).isEqualTo(2824);
    assertThat(small().outputSize()).isEqualTo(2);
  }

  @Test
  void initialWeightsAreSeededZeroBiasedAndWithinHeLimits() {
    Map<String, float[]> a = small().initialWeights(42);
    Map<String, float[]> b = small().initialWeights(42);
    assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
    a.forEach((name, values) -> assertThat(values).containsExactly(b.get(name)));
    assertThat(a.get("conv0_bias")).containsOnly(0f);
    double heLimit = Math.sqrt(6.0 / 9);
    for (float v : a.get("conv0_kernel")) {
      assertThat((double) Math.abs(v)).isLessThanOrEqualTo(heLimit);
    }
    assertThat(small().initialWeights(43).get("conv0_kernel")).isNotEqualTo(a.get("conv0_kernel"));
  }

  @Test
  void denseAfterAFeatureMapAsksForAFlattenLayer() {
    Network bad =
        new Network(
            "bad",
            new int[] {4, 4, 1},
            List.of(new Layer.Dense(2, Activation.NONE)),
            Network.Output.SOFTMAX);
    assertThatThrownBy(bad::parameters)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Flatten");
  }

  @Test
  void descriptionIsStableForTrainingStamps() {
    assertThat(small().toString()).isEqualTo(small().toString()).contains("[8, 8, 1]");
  }
}
