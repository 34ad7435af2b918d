package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** BATCH_MATMUL against TFLM's tensorflow/lite/micro/kernels/batch_matmul_test.cc. */
class BatchMatMulTest {

  static float[] iotaFrom(int start, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = start + i;
    }
    return f;
  }

  static final float[] SIMPLE = {74, 80, 86, 92, 173, 188, 203, 218};

  static float[] run(int[] l, float[] lhs, int[] r, float[] rhs, boolean adjX, boolean adjY) {
    BatchMatMul.Plan p = BatchMatMul.plan(l, r, adjX, adjY);
    float[] out = new float[Shapes.size(p.outputShape())];
    BatchMatMul.eval(p, lhs, rhs, out);
    return out;
  }

  // BatchMatmulTest BatchMatMulOpTestFloat32Test_Simple, _SimpleRHSAdjoint, _SimpleLHSAdjoint.
  @Test
  void floatProductMatchesTflmWithAndWithoutAdjoints() {
    assertThat(
            run(
                new int[] {1, 2, 3},
                iotaFrom(1, 6),
                new int[] {1, 3, 4},
                iotaFrom(7, 12),
                false,
                false))
        .containsExactly(SIMPLE);
    assertThat(
            run(
                new int[] {1, 2, 3},
                iotaFrom(1, 6),
                new int[] {1, 4, 3},
                new float[] {7, 11, 15, 8, 12, 16, 9, 13, 17, 10, 14, 18},
                false,
                true))
        .containsExactly(SIMPLE);
    assertThat(
            run(
                new int[] {1, 3, 2},
                new float[] {1, 4, 2, 5, 3, 6},
                new int[] {1, 3, 4},
                iotaFrom(7, 12),
                true,
                false))
        .containsExactly(SIMPLE);
  }

  // BatchMatMulOpTestFloat32Test_Broadcast: a rank-3 lhs against a rank-2 rhs.
  @Test
  void floatProductBroadcastsTheBatch() {
    BatchMatMul.Plan p = BatchMatMul.plan(new int[] {2, 2, 3}, new int[] {3, 4}, false, false);
    float[] out = new float[16];
    BatchMatMul.eval(p, iotaFrom(1, 12), iotaFrom(7, 12), out);
    assertThat(p.outputShape()).containsExactly(2, 2, 4);
    assertThat(out)
        .containsExactly(
            74, 80, 86, 92, 173, 188, 203, 218, 272, 296, 320, 344, 371, 404, 437, 470);
  }

  static final float[] LHS_Q = {1, 2, 3, 4, 5, 6, 7, 8, -9, -10, 1, 2, 3, 4, 5, 6, 7, -8, 9, -10};
  static final float[] RHS_Q = {
    1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10
  };

  // QuantizedBatchMatMulOpTestSimpleTestQuantizedInt8: operands in [-63.5, 64] (scale 0.5, zero
  // point -1), output in [-127, 128] (scale 1, zero point -1); TFLM compares the int8 exactly.
  @Test
  void int8ProductMatchesTflmExactly() {
    float s = Quant.scale8(-63.5f, 64f);
    int z = Quant.zeroPoint8(-63.5f, 64f);
    float so = Quant.scale8(-127f, 128f);
    int zo = Quant.zeroPoint8(-127f, 128f);
    BatchMatMul.Plan p = BatchMatMul.plan(new int[] {2, 10}, new int[] {10, 3}, false, false);
    byte[] out = new byte[6];
    BatchMatMul.eval(
        p,
        BatchMatMul.requantize(s, z, s, z, so, zo),
        Quant.int8(LHS_Q, s, z),
        Quant.int8(RHS_Q, s, z),
        out);
    assertThat(out).containsExactly(22, 22, 22, 56, 56, 56);
  }

  // QuantizedBatchMatMulOpTestSimpleTestQuantizedInt16 (symmetric int16 ranges; exact).
  @Test
  void int16ProductMatchesTflmExactly() {
    float s = 64f / 32767f;
    float so = 128f / 32767f;
    BatchMatMul.Plan p = BatchMatMul.plan(new int[] {2, 10}, new int[] {10, 3}, false, false);
    short[] out = new short[6];
    BatchMatMul.eval(
        p,
        BatchMatMul.requantize(s, 0, s, 0, so, 0),
        Quant.int16(LHS_Q, s, 0),
        Quant.int16(RHS_Q, s, 0),
        out);
    float[] deq = Quant.dequantize(out, so, 0);
    assertThat(deq).containsExactly(new float[] {23, 23, 23, 57, 57, 57}, within(so));
  }

  @Test
  void refusesOperandsWhoseDepthsDiffer() {
    assertThatThrownBy(() -> BatchMatMul.plan(new int[] {2, 3}, new int[] {4, 2}, false, false))
        .hasMessageContaining("lhs depth 3 differs from rhs depth 4");
  }

  // Randomised: int8 follows the float product of the dequantized operands within one step.
  @Test
  void int8FollowsTheFloatKernel() {
    Random r = new Random(19);
    for (int trial = 0; trial < 20; trial++) {
      int rows = 1 + r.nextInt(4);
      int depth = 1 + r.nextInt(8);
      int cols = 1 + r.nextInt(4);
      float s1 = 0.02f;
      float s2 = 0.03f;
      int z1 = -5;
      int z2 = 7;
      byte[] a = new byte[rows * depth];
      byte[] b = new byte[depth * cols];
      for (int i = 0; i < a.length; i++) {
        a[i] = (byte) (r.nextInt(256) - 128);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (r.nextInt(256) - 128);
      }
      BatchMatMul.Plan p =
          BatchMatMul.plan(new int[] {rows, depth}, new int[] {depth, cols}, false, false);
      float[] ref = new float[rows * cols];
      BatchMatMul.eval(p, Quant.dequantize(a, s1, z1), Quant.dequantize(b, s2, z2), ref);
      float so = 0.05f;
      byte[] q = new byte[rows * cols];
      BatchMatMul.eval(p, BatchMatMul.requantize(s1, z1, s2, z2, so, 0), a, b, q);
      for (int i = 0; i < q.length; i++) {
        float clamped = Math.max(-128 * so, Math.min(127 * so, ref[i]));
        assertThat(q[i] * so).isCloseTo(clamped, within(so));
      }
    }
  }
}
