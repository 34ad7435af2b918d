package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.TensorType;
import org.junit.jupiter.api.Test;

/** CAST, the strided-slice gather and the requantization-free binary ops. */
class BuiltinElementwiseTest {

  @Test
  void castWrapsNarrowsAndReadsUnsigned32AsUnsigned() {
    int[] i32 = new int[2];
    Cast.eval(TensorType.UINT32, new int[] {-1, 5}, TensorType.INT32, i32, 2);
    assertThat(i32).containsExactly(-1, 5);
    byte[] i8 = new byte[2];
    Cast.eval(TensorType.INT32, new int[] {300, -129}, TensorType.INT8, i8, 2);
    assertThat(i8).containsExactly(44, 127);
    float[] f = new float[2];
    Cast.eval(TensorType.UINT32, new int[] {-1, 3}, TensorType.FLOAT32, f, 2);
    assertThat(f).containsExactly(4294967295f, 3f);
    int[] fromFloat = new int[2];
    Cast.eval(TensorType.FLOAT32, new float[] {-2.7f, 2.7f}, TensorType.INT32, fromFloat, 2);
    assertThat(fromFloat).containsExactly(-2, 2);
    byte[] bool = new byte[2];
    Cast.eval(TensorType.INT16, new short[] {0, -3}, TensorType.BOOL, bool, 2);
    assertThat(bool).containsExactly(0, 1);
  }

  @Test
  void castSupportsTflmsTypeSet() {
    assertThat(Cast.supports(TensorType.INT16, TensorType.INT32)).isTrue();
    assertThat(Cast.supports(TensorType.INT64, TensorType.INT32)).isFalse();
    assertThat(Cast.supports(TensorType.INT32, TensorType.INT64)).isFalse();
  }

  @Test
  void stridedSliceIndicesWalkEachAxisFromItsBegin() {
    assertThat(
            Gather.stridedSliceIndices(
                new int[] {2, 3}, new int[] {0, 1}, new int[] {1, 1}, new int[] {2, 2}))
        .containsExactly(1, 2, 4, 5);
    assertThat(
            Gather.stridedSliceIndices(new int[] {5}, new int[] {4}, new int[] {-2}, new int[] {3}))
        .containsExactly(4, 2, 0);
    int[] out = new int[3];
    Gather.eval(new int[] {4, 2, 0}, new int[] {10, 11, 12, 13, 14}, out);
    assertThat(out).containsExactly(14, 12, 10);
  }

  @Test
  void int32DivTruncatesTowardZeroAndBroadcasts() {
    int[] out = new int[3];
    BinaryOps.evalInt32(
        BinaryOps.Op.DIV,
        Broadcast.of(new int[] {3}, new int[] {}),
        new int[] {7, -7, 6},
        new int[] {2},
        out,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE);
    assertThat(out).containsExactly(3, -3, 3);
  }

  @Test
  void int32DivByZeroFailsInsteadOfComputingGarbage() {
    Broadcast bc = Broadcast.of(new int[] {1}, new int[] {1});
    assertThatThrownBy(
            () ->
                BinaryOps.evalInt32(
                    BinaryOps.Op.DIV, bc, new int[] {1}, new int[] {0}, new int[1], 0, 1))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void int32ArithmeticWrapsAndClampsToTheActivationRange() {
    Broadcast bc = Broadcast.of(new int[] {2}, new int[] {2});
    int[] out = new int[2];
    BinaryOps.evalInt32(
        BinaryOps.Op.ADD,
        bc,
        new int[] {Integer.MAX_VALUE, 5},
        new int[] {1, -9},
        out,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE);
    assertThat(out).containsExactly(Integer.MIN_VALUE, -4);
    BinaryOps.evalInt32(BinaryOps.Op.MUL, bc, new int[] {3, -3}, new int[] {4, 4}, out, 0, 6);
    assertThat(out).containsExactly(6, 0);
  }

  @Test
  void minimumAndMaximumCompareRawValues() {
    Broadcast bc = Broadcast.of(new int[] {3}, new int[] {});
    int[] i32 = new int[3];
    BinaryOps.evalInt32(
        BinaryOps.Op.MINIMUM, bc, new int[] {-5, 0, 200}, new int[] {127}, i32, -1000, 1000);
    assertThat(i32).containsExactly(-5, 0, 127);
    byte[] i8 = new byte[3];
    BinaryOps.evalInt8(BinaryOps.Op.MAXIMUM, bc, new byte[] {-5, 0, 100}, new byte[] {-1}, i8);
    assertThat(i8).containsExactly(-1, 0, 100);
    float[] f = new float[3];
    BinaryOps.evalFloat(
        BinaryOps.Op.DIV,
        bc,
        new float[] {1f, -3f, 10f},
        new float[] {4f},
        f,
        -Float.MAX_VALUE,
        Float.MAX_VALUE);
    assertThat(f).containsExactly(0.25f, -0.75f, 2.5f);
  }
}
