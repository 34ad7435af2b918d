package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IoTypeTest {
  @Test
  void theQuantizersTwoTypesParseByName() {
    assertThat(IoType.parse(" INT8 ")).isEqualTo(IoType.INT8);
    assertThat(IoType.parse("float32")).isEqualTo(IoType.FLOAT32);
    assertThat(IoType.parse(null)).isEqualTo(IoType.INT8);
  }

  @Test
  void anotherTypeNamesTheTwoItCouldBe() {
    assertThatThrownBy(() -> IoType.parse("uint8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("int8 or float32");
  }
}
