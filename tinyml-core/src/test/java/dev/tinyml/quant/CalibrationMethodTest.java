package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalibrationMethodTest {
  @Test
  void everyTextFormParsesToItsMethod() {
    assertThat(CalibrationMethod.parse("minmax")).isEqualTo(CalibrationMethod.minMax());
    assertThat(CalibrationMethod.parse(null)).isEqualTo(CalibrationMethod.minMax());
    assertThat(CalibrationMethod.parse(" MSE ")).isEqualTo(CalibrationMethod.mseOptimal());
    assertThat(CalibrationMethod.parse("entropy")).isEqualTo(CalibrationMethod.entropy());
    assertThat(CalibrationMethod.parse("percentile:99.99"))
        .isEqualTo(CalibrationMethod.percentile(99.99));
    assertThat(CalibrationMethod.parse("moving-average:0.01"))
        .isEqualTo(CalibrationMethod.movingAverageMinMax(0.01));
  }

  @Test
  void theIdIsTheTextFormParseReads() {
    for (String id :
        new String[] {"minmax", "mse", "entropy", "percentile:99", "moving-average:0.01"}) {
      assertThat(CalibrationMethod.parse(id).id()).isEqualTo(id);
    }
  }

  @Test
  void anUnknownFormListsTheAcceptedOnes() {
    assertThatThrownBy(() -> CalibrationMethod.parse("kl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("use " + CalibrationMethod.FORMS + ".");
    assertThatThrownBy(() -> CalibrationMethod.parse("percentile"))
        .hasMessageContaining("percentile:P");
  }

  @Test
  void anArgumentOutOfRangeSaysSo() {
    assertThatThrownBy(() -> CalibrationMethod.parse("percentile:40"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percentile must be in (50, 100]");
  }
}
