package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackTest {

  // Expected values: TFLM tensorflow/lite/micro/kernels/pack_test.cc, PackTest
  // PackFloatThreeInputs, PackFloatThreeInputsDifferentAxis, PackFloatThreeInputsNegativeAxis.
  @Test
  void stacksAlongANewLeadingOrTrailingAxis() {
    Object[] ins = {new float[] {1, 4}, new float[] {2, 5}, new float[] {3, 6}};
    Pack.Plan first = Pack.planPack(new int[] {2}, 3, 0);
    float[] out = new float[6];
    Pack.pack(first, ins, out);
    assertThat(first.packedShape()).containsExactly(3, 2);
    assertThat(out).containsExactly(1, 4, 2, 5, 3, 6);

    Pack.Plan last = Pack.planPack(new int[] {2}, 3, -1);
    Pack.pack(last, ins, out);
    assertThat(last.packedShape()).containsExactly(2, 3);
    assertThat(out).containsExactly(1, 2, 3, 4, 5, 6);
  }

  // pack_test.cc, PackInt8MultiDimensions (same figures as PackFloatMultiDimensions).
  @Test
  void stacksMatricesAlongTheMiddleAxis() {
    Pack.Plan p = Pack.planPack(new int[] {2, 3}, 2, 1);
    byte[] out = new byte[12];
    Pack.pack(
        p, new Object[] {new byte[] {1, 2, 3, 4, 5, 6}, new byte[] {7, 8, 9, 10, 11, 12}}, out);
    assertThat(p.packedShape()).containsExactly(2, 2, 3);
    assertThat(out).containsExactly(1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12);
  }

  // unpack_test.cc, UnpackTest UnpackFloatThreeOutputs and ...NegativeAxisTwo.
  @Test
  void unpackSplitsIntoSlicesOfTheAxis() {
    for (int axis : new int[] {0, -2}) {
      Pack.Plan p = Pack.planUnpack(new int[] {3, 2}, axis);
      float[][] outs = {new float[2], new float[2], new float[2]};
      Pack.unpack(p, new float[] {1, 2, 3, 4, 5, 6}, outs);
      assertThat(p.unpackedShape()).containsExactly(2);
      assertThat(outs[0]).containsExactly(1, 2);
      assertThat(outs[1]).containsExactly(3, 4);
      assertThat(outs[2]).containsExactly(5, 6);
    }
  }

  @Test
  void unpackAlongTheLastAxisTakesColumns() {
    Pack.Plan p = Pack.planUnpack(new int[] {3, 2}, 1);
    short[][] outs = {new short[3], new short[3]};
    Pack.unpack(p, new short[] {1, 2, 3, 4, 5, 6}, outs);
    assertThat(outs[0]).containsExactly((short) 1, (short) 3, (short) 5);
    assertThat(outs[1]).containsExactly((short) 2, (short) 4, (short) 6);
  }
}
