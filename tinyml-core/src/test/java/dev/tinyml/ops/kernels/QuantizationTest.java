package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantizationTest {

  @Test
  void quantizeRoundsHalvesAwayFromZeroAndSaturates() {
    assertThat(Quantization.quantize(0.25f, 0.5f, 0, -128, 127)).isEqualTo(1);
    assertThat(Quantization.quantize(-0.25f, 0.5f, 0, -128, 127)).isEqualTo(-1);
    assertThat(Quantization.quantize(1000f, 0.5f, 3, -128, 127)).isEqualTo(127);
    assertThat(Quantization.quantize(1000f, 0.5f, 3, -32768, 32767)).isEqualTo(2003);
  }

  @Test
  void requantizeUsesOneMultiplierOfTheScaleRatio() {
    Quantization.Requantize r = Quantization.Requantize.of(1f, 0, 2f, 0);
    assertThat(r.apply(3)).isEqualTo(2); // 1.5 rounds half up
    assertThat(r.apply(-3)).isEqualTo(-1); // -1.5 rounds half up
    Quantization.Requantize shifted = Quantization.Requantize.of(0.5f, 10, 0.5f, -5);
    assertThat(shifted.apply(10)).isEqualTo(-5);
  }

  @Test
  void dequantizeComputesInDouble() {
    assertThat(Quantization.dequantize(3, 0.5, 1)).isEqualTo(1.0f);
    assertThat(Quantization.dequantize(-128, 1.0 / 256, -128)).isEqualTo(0f);
  }

  @Test
  void requantizeBetweenIntegerWidthsClampsToTheOutputType() {
    Quantization.Requantize r = Quantization.Requantize.of(0.5f, 0, 1f, 0);
    byte[] out8 = new byte[3];
    Quantization.requantize(r, new short[] {1000, -1000, 3}, out8, 3, -128, 127, new int[3]);
    assertThat(out8).containsExactly(127, -128, 2); // 1.5 rounds half up
    int[] out32 = new int[2];
    Quantization.requantize(
        Quantization.Requantize.of(1f, -128, 0.25f, 0),
        new byte[] {-128, 127},
        out32,
        2,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        new int[2]);
    assertThat(out32).containsExactly(0, 1020);
  }
}
