package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantizationSchemeTest {

  @Test
  void namesAreReadIgnoringCaseAndBlanks() {
    assertThat(QuantizationScheme.parse(" INT16x8 ")).isEqualTo(QuantizationScheme.INT16X8);
    assertThat(QuantizationScheme.parse("int8")).isEqualTo(QuantizationScheme.INT8);
  }

  @Test
  void anAbsentNameMeansInt8() {
    assertThat(QuantizationScheme.parse(null)).isEqualTo(QuantizationScheme.INT8);
  }

  @Test
  void anUnknownNameIsRefusedListingTheSchemes() {
    assertThatThrownBy(() -> QuantizationScheme.parse("int4"))
        .hasMessage("the quantization scheme must be int8 or int16x8, got 'int4'");
  }

  @Test
  void idIsWhatParseReads() {
    assertThat(QuantizationScheme.INT16X8.id()).isEqualTo("int16x8");
  }

  @Test
  void choosingInt16x8MakesIntegerInputsAndOutputsInt16() {
    QuantizationOptions o = QuantizationOptions.defaults().withScheme(QuantizationScheme.INT16X8);
    assertThat(o.inputType()).isEqualTo(IoType.INT16);
    assertThat(o.outputType()).isEqualTo(IoType.INT16);
  }

  @Test
  void floatInputsAndOutputsStayFloatUnderAnotherScheme() {
    QuantizationOptions o =
        QuantizationOptions.defaults()
            .withIoTypes(IoType.FLOAT32, IoType.INT8)
            .withScheme(QuantizationScheme.INT16X8);
    assertThat(o.inputType()).isEqualTo(IoType.FLOAT32);
    assertThat(o.outputType()).isEqualTo(IoType.INT16);
  }

  @Test
  void int8InputsAreRefusedUnderInt16x8() {
    QuantizationOptions o = QuantizationOptions.defaults().withScheme(QuantizationScheme.INT16X8);
    assertThatThrownBy(() -> o.withIoTypes(IoType.INT8, IoType.INT16))
        .hasMessage("the int16x8 scheme makes int16 or float32 inputs, not int8");
  }

  @Test
  void int16OutputsAreRefusedUnderInt8() {
    assertThatThrownBy(() -> QuantizationOptions.defaults().withIoTypes(IoType.INT8, IoType.INT16))
        .hasMessage("the int8 scheme makes int8 or float32 outputs, not int16");
  }
}
