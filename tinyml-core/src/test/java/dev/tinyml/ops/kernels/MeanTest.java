package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeanTest {

  @Test
  void int8FoldsTheDivisionIntoTheMultiplierAndRoundsTies() {
    Mean.Plan p = Mean.prepare(new int[] {2, 2}, new int[] {1}, 1f, 0, 1f, 0, true);
    assertThat(p.multiplier()).isEqualTo(1 << 30);
    assertThat(p.shift()).isZero();
    byte[] out = new byte[2];
    Mean.evalInt8(p, new byte[] {1, 2, 3, 4}, out, new int[2]);
    assertThat(out).containsExactly(2, 4); // 1.5 -> 2, 3.5 -> 4
  }

  @Test
  void int8SubtractsTheInputZeroPointPerElement() {
    Mean.Plan p = Mean.prepare(new int[] {1, 2, 2, 1}, new int[] {1, 2}, 0.5f, -4, 0.5f, 3, true);
    byte[] out = new byte[1];
    Mean.evalInt8(p, new byte[] {-4, -2, 0, 2}, out, new int[1]);
    assertThat(out).containsExactly(6); // mean of (0, 2, 4, 6) = 3, + 3
  }

  @Test
  void floatAveragesOverNegativeAxes() {
    Mean.Plan p = Mean.prepare(new int[] {2, 2}, new int[] {-2}, 1f, 0, 1f, 0, false);
    float[] out = new float[2];
    Mean.evalFloat(p, new float[] {1, 2, 4, 6}, out);
    assertThat(out).containsExactly(2.5f, 4f);
  }
}
