package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransposeTest {

  static float[] iota(int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  static float[] run(int[] shape, int[] perm) {
    Transpose.Plan p = Transpose.plan(shape, perm);
    float[] out = new float[Shapes.size(p.outputShape())];
    Transpose.eval(p, iota(Shapes.size(shape)), out);
    return out;
  }

  // Expected values: TFLM tensorflow/lite/micro/kernels/transpose_test.cc, TransposeTest 2DPerm1.
  @Test
  void swapsTheAxesOfAMatrix() {
    Transpose.Plan p = Transpose.plan(new int[] {3, 2}, new int[] {1, 0});
    byte[] out = new byte[6];
    Transpose.eval(p, new byte[] {0, 1, 2, 3, 4, 5}, out);
    assertThat(p.outputShape()).containsExactly(2, 3);
    assertThat(out).containsExactly(0, 2, 4, 1, 3, 5);
  }

  // transpose_test.cc, 2D4x4KernelLeftOverBottomSide.
  @Test
  void transposesAMatrixWithLeftOverRows() {
    assertThat(run(new int[] {6, 4}, new int[] {1, 0}))
        .containsExactly(
            0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23);
  }

  // transpose_test.cc, 3DFlatten and 4DFlattenTwo.
  @Test
  void permutesInnerAxesOfRank3And4Tensors() {
    assertThat(run(new int[] {2, 2, 3}, new int[] {0, 2, 1}))
        .containsExactly(0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11);
    assertThat(run(new int[] {2, 2, 2, 2}, new int[] {0, 2, 3, 1}))
        .containsExactly(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15);
  }

  // transpose_test.cc, ComplexTestWithReorder (first 30 of 120 values).
  @Test
  void reordersTheOuterAxesOfARank4Tensor() {
    float[] out = run(new int[] {2, 3, 4, 5}, new int[] {2, 0, 1, 3});
    assertThat(java.util.Arrays.copyOf(out, 30))
        .containsExactly(
            0, 1, 2, 3, 4, 20, 21, 22, 23, 24, 40, 41, 42, 43, 44, 60, 61, 62, 63, 64, 80, 81, 82,
            83, 84, 100, 101, 102, 103, 104);
    assertThat(out[119]).isEqualTo(119);
  }

  // transpose_test.cc, Complex5DTestWithReorder (first 20 values).
  @Test
  void permutesARank5Tensor() {
    float[] out = run(new int[] {2, 3, 2, 2, 5}, new int[] {2, 0, 1, 4, 3});
    assertThat(java.util.Arrays.copyOf(out, 20))
        .containsExactly(0, 5, 1, 6, 2, 7, 3, 8, 4, 9, 20, 25, 21, 26, 22, 27, 23, 28, 24, 29);
  }

  @Test
  void refusesAPermutationThatRepeatsAnAxis() {
    assertThatThrownBy(() -> Transpose.plan(new int[] {2, 3}, new int[] {0, 0}))
        .hasMessageContaining("axis 0 appears twice");
  }
}
