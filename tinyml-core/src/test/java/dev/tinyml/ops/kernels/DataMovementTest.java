package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataMovementTest {

  @Test
  void padSurroundsTheInputWithThePadValue() {
    DataMovement.PadPlan p = DataMovement.preparePad(new int[] {2, 2}, new int[] {1, 0, 0, 1});
    assertThat(p.outputShape()).containsExactly(3, 3);
    byte[] out = new byte[9];
    java.util.Arrays.fill(out, (byte) -7);
    DataMovement.pad(p, new byte[] {1, 2, 3, 4}, out);
    assertThat(out).containsExactly(-7, -7, -7, 1, 2, -7, 3, 4, -7);
  }

  @Test
  void concatenationInterleavesChunksAlongTheAxis() {
    DataMovement.ConcatPlan p = DataMovement.prepareConcat(new int[][] {{2, 1}, {2, 2}}, -1);
    float[] out = new float[6];
    Object[] arrays = {new float[] {1, 2}, new float[] {3, 4, 5, 6}};
    DataMovement.concat(p, arrays, new int[] {0, 1}, out);
    assertThat(out).containsExactly(1, 3, 4, 2, 5, 6);
  }
}
