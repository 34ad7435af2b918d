package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolingTest {

  @Test
  void int8AverageRoundsHalvesAwayFromZero() {
    Pooling.Plan p =
        Pooling.prepare(
            new int[] {1, 1, 4, 1},
            new int[] {1, 1, 2, 1},
            false,
            1,
            2,
            1,
            2,
            Activation.NONE,
            new ConvParams.Quantization(0, 1f, 0, null));
    byte[] out = new byte[2];
    Pooling.averageInt8(p, new byte[] {1, 2, -1, -2}, out);
    assertThat(out).containsExactly(2, -2);
  }

  @Test
  void int8AverageWithSamePaddingDividesByTheTapsInsideTheImage() {
    Pooling.Plan p =
        Pooling.prepare(
            new int[] {1, 1, 3, 1},
            new int[] {1, 1, 3, 1},
            true,
            1,
            2,
            1,
            1,
            Activation.NONE,
            new ConvParams.Quantization(0, 1f, 0, null));
    byte[] out = new byte[3];
    Pooling.averageInt8(p, new byte[] {3, 4, 5}, out);
    assertThat(out).containsExactly(4, 5, 5);
  }

  @Test
  void floatAverageDividesInFloat() {
    Pooling.Plan p =
        Pooling.prepare(
            new int[] {1, 2, 2, 1},
            new int[] {1, 1, 1, 1},
            false,
            2,
            2,
            2,
            2,
            Activation.NONE,
            new ConvParams.Quantization(0, 1f, 0, null));
    float[] out = new float[1];
    Pooling.averageFloat(p, new float[] {1, 2, 3, 5}, out);
    assertThat(out).containsExactly(2.75f);
  }

  @Test
  void maxPoolingTakesTheLargestAndAppliesTheActivation() {
    Pooling.Plan p =
        Pooling.prepare(
            new int[] {1, 2, 2, 2},
            new int[] {1, 1, 1, 2},
            false,
            2,
            2,
            2,
            2,
            Activation.RELU,
            new ConvParams.Quantization(0, 0.5f, -3, null));
    byte[] out = new byte[2];
    Pooling.maxInt8(p, new byte[] {-10, 7, -20, 1, -5, 2, -9, 3}, out);
    assertThat(out).containsExactly(-3, 7);
    float[] fout = new float[2];
    Pooling.maxFloat(p, new float[] {-10, 7, -20, 1, -5, 2, -9, 3}, fout);
    assertThat(fout).containsExactly(0f, 7f);
  }
}
