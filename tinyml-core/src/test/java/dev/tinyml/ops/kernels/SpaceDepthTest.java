package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpaceDepthTest {

  // Expected values: TFLM tensorflow/lite/micro/kernels/space_to_depth_test.cc,
  // SpaceToDepthTest SpaceToDepth_Int8_1441.
  @Test
  void spaceToDepthMovesEachBlockIntoChannels() {
    SpaceDepth.Plan p = SpaceDepth.spaceToDepth(new int[] {1, 4, 4, 1}, 2);
    byte[] out = new byte[16];
    SpaceDepth.eval(p, new byte[] {1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16}, out);
    assertThat(p.outputShape()).containsExactly(1, 2, 2, 4);
    assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
  }

  // space_to_depth_test.cc, SpaceToDepth_Int8_1223: channels stay innermost within a block.
  @Test
  void spaceToDepthKeepsChannelsInnermost() {
    SpaceDepth.Plan p = SpaceDepth.spaceToDepth(new int[] {1, 2, 2, 3}, 2);
    byte[] out = new byte[12];
    SpaceDepth.eval(p, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, out);
    assertThat(p.outputShape()).containsExactly(1, 1, 1, 12);
    assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  // depth_to_space_test.cc, DepthToSpaceTest DepthToSpaceOpModelFloat32_1124_2 and _1224_2.
  @Test
  void depthToSpaceSpreadsChannelsOverBlocks() {
    SpaceDepth.Plan p = SpaceDepth.depthToSpace(new int[] {1, 1, 2, 4}, 2);
    float[] out = new float[8];
    SpaceDepth.eval(p, new float[] {1, 2, 3, 4, 5, 6, 7, 8}, out);
    assertThat(p.outputShape()).containsExactly(1, 2, 4, 1);
    assertThat(out).containsExactly(1, 2, 5, 6, 3, 4, 7, 8);

    SpaceDepth.Plan q = SpaceDepth.depthToSpace(new int[] {1, 2, 2, 4}, 2);
    float[] out2 = new float[16];
    SpaceDepth.eval(q, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, out2);
    assertThat(out2).containsExactly(1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16);
  }

  @Test
  void depthToSpaceUndoesSpaceToDepth() {
    int[] shape = {2, 4, 6, 3};
    float[] in = TransposeTest.iota(Shapes.size(shape));
    SpaceDepth.Plan down = SpaceDepth.spaceToDepth(shape, 2);
    float[] mid = new float[in.length];
    SpaceDepth.eval(down, in, mid);
    SpaceDepth.Plan up = SpaceDepth.depthToSpace(down.outputShape(), 2);
    float[] back = new float[in.length];
    SpaceDepth.eval(up, mid, back);
    assertThat(back).containsExactly(in);
  }

  @Test
  void refusesExtentsThatAreNotMultiplesOfTheBlock() {
    assertThatThrownBy(() -> SpaceDepth.spaceToDepth(new int[] {1, 3, 4, 1}, 2))
        .hasMessageContaining("multiples of block size 2");
    assertThatThrownBy(() -> SpaceDepth.depthToSpace(new int[] {1, 1, 1, 6}, 2))
        .hasMessageContaining("multiple of block size squared 4");
  }
}
