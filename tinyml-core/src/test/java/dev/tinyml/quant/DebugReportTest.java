package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebugReportTest {

  @Test
  void tableNamesAFusedTensorByItsLayer() {
    String fused =
        "functional_1/activation_7/Relu;functional_1/batch_normalization_7/FusedBatchNormV3;"
            + "functional_1/conv2d_3/Conv2D1";
    assertThat(DebugReport.shortName(fused)).isEqualTo("functional_1/activation_7/Relu;…");
  }

  @Test
  void tableKeepsTheEndOfOtherLongNamesAndShortNamesWhole() {
    String longName = "model/block_12/expanded_convolution/depthwise/Relu6";
    assertThat(DebugReport.shortName(longName))
        .hasSize(40)
        .startsWith("…")
        .endsWith("expanded_convolution/depthwise/Relu6");
    assertThat(DebugReport.shortName("dense/Relu;dense/BiasAdd"))
        .isEqualTo("dense/Relu;dense/BiasAdd");
  }
}
