package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorCreationTest {

  // Expected values: TFLM tensorflow/lite/micro/kernels/expand_dims_test.cc, ExpandDimsTest
  // ExpandDimsPositiveAxisTest3 and ExpandDimsNegativeAxisTest4 / NegativeAxisTest3.
  @Test
  void expandDimsInsertsAnAxisOfOne() {
    assertThat(ExpandDims.outputShape(new int[] {3, 1, 2}, 3)).containsExactly(3, 1, 2, 1);
    assertThat(ExpandDims.outputShape(new int[] {3, 1, 2}, -4)).containsExactly(1, 3, 1, 2);
    assertThat(ExpandDims.outputShape(new int[] {3, 1, 2}, -3)).containsExactly(3, 1, 1, 2);
    assertThatThrownBy(() -> ExpandDims.outputShape(new int[] {2}, 2))
        .hasMessageContaining("axis 2");
  }

  @Test
  void zerosLikeWritesZeros() {
    float[] f = {1, 2};
    byte[] b = {3, -4};
    TensorCreation.zerosLike(f);
    TensorCreation.zerosLike(b);
    assertThat(f).containsExactly(0, 0);
    assertThat(b).containsExactly(0, 0);
  }

  // fill_test.cc: a scalar value of the output's type repeated over the shape given by dims.
  @Test
  void fillRepeatsTheScalarOverTheShape() {
    int[] shape = TensorCreation.fillShape(new long[] {2, 3});
    int[] out = new int[Shapes.size(shape)];
    TensorCreation.fill(new int[] {7}, out);
    assertThat(out).containsOnly(7).hasSize(6);
    assertThatThrownBy(() -> TensorCreation.fillShape(new long[] {-1}))
        .hasMessageContaining("dimension 0 is -1");
  }

  @Test
  void shapeReportsTheDimensions() {
    int[] i32 = new int[3];
    long[] i64 = new long[3];
    TensorCreation.shape(new int[] {1, 3, 5}, i32);
    TensorCreation.shape(new int[] {1, 3, 5}, i64);
    assertThat(i32).containsExactly(1, 3, 5);
    assertThat(i64).containsExactly(1L, 3L, 5L);
  }
}
