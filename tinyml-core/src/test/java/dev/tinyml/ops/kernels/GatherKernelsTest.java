package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatherKernelsTest {

  static float[] gatherNd(int[] paramsShape, float[] params, int[] indicesShape, int[] indices) {
    GatherNd.Plan p = GatherNd.plan(paramsShape, indicesShape);
    float[] out = new float[Shapes.size(p.outputShape())];
    GatherNd.eval(p, params, indices, out);
    return out;
  }

  static final float[] MATRIX = {1.1f, 1.2f, 2.1f, 2.2f};

  // Expected values: TFLM tensorflow/lite/micro/kernels/gather_nd_test.cc, GatherNdTest
  // GatherNd_ElementIndexingIntoMatrix, _SliceIndexingIntoMatrix, _BatchedIndexingIntoMatrix1.
  @Test
  void gatherNdFetchesElementsOrSlices() {
    assertThat(gatherNd(new int[] {2, 2}, MATRIX, new int[] {2, 2}, new int[] {0, 0, 1, 1}))
        .containsExactly(1.1f, 2.2f);
    assertThat(gatherNd(new int[] {2, 2}, MATRIX, new int[] {2, 1}, new int[] {1, 0}))
        .containsExactly(2.1f, 2.2f, 1.1f, 1.2f);
    GatherNd.Plan batched = GatherNd.plan(new int[] {2, 2}, new int[] {2, 1, 1});
    assertThat(batched.outputShape()).containsExactly(2, 1, 2);
  }

  // gather_nd_test.cc, GatherNd_ElementIndexingIntoRank3Tensor.
  @Test
  void gatherNdIndexesARank3Tensor() {
    float[] params = {
      1.1f, -1.2f, 1.3f, -2.1f, 2.2f, 2.3f, 3.1f, 3.2f, -3.3f, -4.1f, -4.2f, 4.3f, 5.1f, -5.2f,
      5.3f, 6.1f, -6.2f, 6.3f
    };
    assertThat(
            gatherNd(
                new int[] {3, 2, 3}, params, new int[] {1, 2, 3}, new int[] {0, 0, 1, 1, 1, 0}))
        .containsExactly(-1.2f, -4.1f);
  }

  @Test
  void gatherNdRefusesAnIndexOutsideTheParams() {
    assertThatThrownBy(() -> gatherNd(new int[] {2, 2}, MATRIX, new int[] {1, 2}, new int[] {2, 0}))
        .hasMessageContaining("index row 0");
  }

  // gather_test.cc, GatherTest GatherOp_Axis1.
  @Test
  void gatherPicksEntriesOfAnAxis() {
    GatherAlongAxis.Plan p = GatherAlongAxis.plan(new int[] {1, 2, 3}, new int[] {2}, 1, 0);
    float[] out = new float[6];
    GatherAlongAxis.eval(p, new float[] {1, 2, 3, 4, 5, 6}, new int[] {1, 0}, out);
    assertThat(p.outputShape()).containsExactly(1, 2, 3);
    assertThat(out).containsExactly(4, 5, 6, 1, 2, 3);
  }

  // gather_test.cc, GatherOp_BatchDims2.
  @Test
  void gatherWithBatchDimsIndexesEachBatchSeparately() {
    GatherAlongAxis.Plan p =
        GatherAlongAxis.plan(new int[] {2, 2, 3, 5}, new int[] {2, 2, 2}, 2, 2);
    float[] out = new float[40];
    GatherAlongAxis.eval(p, TransposeTest.iota(60), new int[] {1, 0, 0, 1, 1, 0, 0, 1}, out);
    assertThat(p.outputShape()).containsExactly(2, 2, 2, 5);
    assertThat(out)
        .containsExactly(
            5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 35, 36, 37, 38,
            39, 30, 31, 32, 33, 34, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54);
  }

  // gather_test.cc, GatherOp_BatchDims1 (int8; first 20 of 80 values).
  @Test
  void gatherWithOneBatchDimKeepsTheOuterAxis() {
    GatherAlongAxis.Plan p =
        GatherAlongAxis.plan(new int[] {2, 2, 3, 5}, new int[] {2, 2, 2}, 2, 1);
    byte[] in = new byte[60];
    for (int i = 0; i < 60; i++) {
      in[i] = (byte) i;
    }
    byte[] out = new byte[80];
    GatherAlongAxis.eval(p, in, new int[] {1, 0, 0, 1, 1, 0, 0, 1}, out);
    assertThat(p.outputShape()).containsExactly(2, 2, 2, 2, 5);
    assertThat(java.util.Arrays.copyOf(out, 20))
        .containsExactly(5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(out[79]).isEqualTo((byte) 54);
  }

  @Test
  void gatherRefusesAPositionOutsideTheAxis() {
    GatherAlongAxis.Plan p = GatherAlongAxis.plan(new int[] {3}, new int[] {1}, 0, 0);
    assertThatThrownBy(() -> GatherAlongAxis.eval(p, new float[3], new int[] {3}, new float[1]))
        .hasMessageContaining("position 3");
  }
}
