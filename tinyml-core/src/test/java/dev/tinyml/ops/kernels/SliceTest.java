package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SliceTest {

  // Expected values: TFLM tensorflow/lite/micro/kernels/slice_test.cc, SliceTest In1D and In2D.
  @Test
  void takesABoxFromBeginForSize() {
    Slice.Plan p = Slice.plan(new int[] {4}, new int[] {1}, new int[] {2});
    float[] out = new float[2];
    Slice.eval(p, new float[] {1, 2, 3, 4}, out);
    assertThat(out).containsExactly(2, 3);

    Slice.Plan q = Slice.plan(new int[] {2, 3}, new int[] {1, 0}, new int[] {1, 2});
    float[] out2 = new float[2];
    Slice.eval(q, new float[] {1, 2, 3, 4, 5, 6}, out2);
    assertThat(out2).containsExactly(4, 5);
  }

  // slice_test.cc, InputInteger2.
  @Test
  void slicesInt32Tensors() {
    Slice.Plan p =
        Slice.plan(new int[] {3, 2, 3, 1}, new int[] {1, 0, 0, 0}, new int[] {1, 2, 3, 1});
    int[] out = new int[6];
    Slice.eval(p, new int[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6}, out);
    assertThat(p.outputShape()).containsExactly(1, 2, 3, 1);
    assertThat(out).containsExactly(3, 3, 3, 4, 4, 4);
  }

  @Test
  void sizeMinusOneRunsToTheEndOfTheAxis() {
    Slice.Plan p = Slice.plan(new int[] {2, 3}, new int[] {0, 1}, new int[] {-1, -1});
    byte[] out = new byte[4];
    Slice.eval(p, new byte[] {1, 2, 3, 4, 5, 6}, out);
    assertThat(p.outputShape()).containsExactly(2, 2);
    assertThat(out).containsExactly(2, 3, 5, 6);
  }

  @Test
  void refusesABoxThatLeavesTheInput() {
    assertThatThrownBy(() -> Slice.plan(new int[] {4}, new int[] {3}, new int[] {2}))
        .hasMessageContaining("axis 0");
  }
}
