package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpaceBatchTest {

  static final float[] SIXTEEN = SplitTest.SIXTEEN;

  // Expected values: TFLM tensorflow/lite/micro/kernels/space_to_batch_nd_test.cc,
  // SpaceToBatchNdTest SpaceToBatchBasicFloat.
  @Test
  void spaceToBatchMovesBlockOffsetsIntoTheBatch() {
    SpaceBatch.Plan p =
        SpaceBatch.spaceToBatch(new int[] {1, 4, 4, 1}, new int[] {2, 2}, new int[] {0, 0, 0, 0});
    float[] out = new float[16];
    SpaceBatch.eval(p, SIXTEEN, out, 0);
    assertThat(p.outputShape()).containsExactly(4, 2, 2, 1);
    assertThat(out).containsExactly(1, 3, 9, 11, 2, 4, 10, 12, 5, 7, 13, 15, 6, 8, 14, 16);
  }

  // batch_to_space_nd_test.cc, BatchToSpaceNdTest BatchToSpaceBasicFloat.
  @Test
  void batchToSpaceMovesTheBatchBackIntoSpace() {
    SpaceBatch.Plan p =
        SpaceBatch.batchToSpace(new int[] {4, 2, 2, 1}, new int[] {2, 2}, new int[] {0, 0, 0, 0});
    float[] out = new float[16];
    SpaceBatch.eval(p, SIXTEEN, out, 0);
    assertThat(p.outputShape()).containsExactly(1, 4, 4, 1);
    assertThat(out).containsExactly(1, 5, 2, 6, 9, 13, 10, 14, 3, 7, 4, 8, 11, 15, 12, 16);
  }

  // Hand-computed: 1x2x2x1 padded to 4x4 (one before, one after) with block 2 gives four 2x2
  // batches; each input pixel lands in the batch of its padded offset, the rest is the zero point.
  @Test
  void spaceToBatchPadsWithTheZeroPoint() {
    SpaceBatch.Plan p =
        SpaceBatch.spaceToBatch(new int[] {1, 2, 2, 1}, new int[] {2, 2}, new int[] {1, 1, 1, 1});
    byte[] out = new byte[16];
    SpaceBatch.eval(p, new byte[] {1, 2, 3, 4}, out, -5);
    assertThat(p.outputShape()).containsExactly(4, 2, 2, 1);
    assertThat(out).containsExactly(-5, -5, -5, 4, -5, -5, 3, -5, -5, 2, -5, -5, 1, -5, -5, -5);
  }

  @Test
  void batchToSpaceCropsWhatSpaceToBatchPadded() {
    int[] shape = {2, 3, 5, 2};
    float[] in = TransposeTest.iota(Shapes.size(shape));
    int[] block = {2, 3};
    int[] pads = {1, 0, 0, 1};
    SpaceBatch.Plan down = SpaceBatch.spaceToBatch(shape, block, pads);
    float[] mid = new float[Shapes.size(down.outputShape())];
    SpaceBatch.eval(down, in, mid, 0);
    SpaceBatch.Plan up = SpaceBatch.batchToSpace(down.outputShape(), block, pads);
    float[] back = new float[in.length];
    SpaceBatch.eval(up, mid, back, 0);
    assertThat(up.outputShape()).containsExactly(shape);
    assertThat(back).containsExactly(in);
  }

  @Test
  void aRank3TensorHasItsOneSpatialAxisAsHeight() {
    SpaceBatch.Plan p =
        SpaceBatch.spaceToBatch(new int[] {1, 4, 1}, new int[] {2}, new int[] {0, 0});
    float[] out = new float[4];
    SpaceBatch.eval(p, new float[] {1, 2, 3, 4}, out, 0);
    assertThat(p.outputShape()).containsExactly(2, 2, 1);
    assertThat(out).containsExactly(1, 3, 2, 4);
  }
}
