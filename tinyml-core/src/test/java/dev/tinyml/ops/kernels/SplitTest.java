package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitTest {

  static final float[] SIXTEEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

  static float[][] split(Split.Plan p, float[] in) {
    float[][] outs = new float[p.sizes().length][];
    for (int k = 0; k < outs.length; k++) {
      outs[k] = new float[Shapes.size(p.outputShapes()[k])];
    }
    Split.eval(p, in, outs);
    return outs;
  }

  // Expected values: TFLM tensorflow/lite/micro/kernels/split_test.cc, SplitTest
  // TwoSplitFourDimensionalAxisOne, ...AxisThree and ...NegativeAxis.
  @Test
  void splitsIntoEqualPartsAlongAnyAxis() {
    float[][] axis1 = split(Split.planEqual(new int[] {2, 2, 2, 2}, 1, 2), SIXTEEN);
    assertThat(axis1[0]).containsExactly(1, 2, 3, 4, 9, 10, 11, 12);
    assertThat(axis1[1]).containsExactly(5, 6, 7, 8, 13, 14, 15, 16);
    float[][] axis3 = split(Split.planEqual(new int[] {2, 2, 2, 2}, 3, 2), SIXTEEN);
    assertThat(axis3[0]).containsExactly(1, 3, 5, 7, 9, 11, 13, 15);
    assertThat(axis3[1]).containsExactly(2, 4, 6, 8, 10, 12, 14, 16);
    float[][] negative = split(Split.planEqual(new int[] {2, 2, 2, 2}, -4, 2), SIXTEEN);
    assertThat(negative[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  // split_v_test.cc, SplitVTest SPLIT_V_ThreeOutputs.
  @Test
  void splitVTakesTheGivenSizes() {
    Split.Plan p = Split.planSizes(new int[] {4, 3}, 0, new int[] {1, 1, 2});
    float[][] outs = split(p, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    assertThat(outs[0]).containsExactly(1, 2, 3);
    assertThat(outs[1]).containsExactly(4, 5, 6);
    assertThat(outs[2]).containsExactly(7, 8, 9, 10, 11, 12);
    assertThat(p.outputShapes()[2]).containsExactly(2, 3);
  }

  // split_v_test.cc, SPLIT_VFourDimensionalFloatAxis2, with the second size inferred.
  @Test
  void splitVInfersOneSizeOfMinusOne() {
    Split.Plan p = Split.planSizes(new int[] {2, 2, 2, 2}, 2, new int[] {1, -1});
    float[][] outs = split(p, SIXTEEN);
    assertThat(outs[0]).containsExactly(1, 2, 5, 6, 9, 10, 13, 14);
    assertThat(outs[1]).containsExactly(3, 4, 7, 8, 11, 12, 15, 16);
  }

  @Test
  void refusesSizesThatDoNotCoverTheAxis() {
    assertThatThrownBy(() -> Split.planSizes(new int[] {4, 3}, 0, new int[] {1, 1}))
        .hasMessageContaining("do not add up to 4");
    assertThatThrownBy(() -> Split.planEqual(new int[] {5}, 0, 2))
        .hasMessageContaining("does not split into 2 parts");
  }
}
