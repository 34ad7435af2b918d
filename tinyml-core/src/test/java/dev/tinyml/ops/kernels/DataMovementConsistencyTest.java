package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Data movement commutes with quantization: moving random int8 values and dequantizing gives the
 * same floats as dequantizing and then moving them, for every data-movement kernel.
 */
class DataMovementConsistencyTest {

  static final float SCALE = 0.05f;
  static final int ZERO_POINT = -3;

  interface Move {
    void run(Object in, Object out);
  }

  static void assertCommutes(int inSize, int outSize, Move move, long seed) {
    Random r = new Random(seed);
    byte[] q = new byte[inSize];
    float[] f = new float[inSize];
    for (int i = 0; i < inSize; i++) {
      q[i] = (byte) (r.nextInt(256) - 128);
      f[i] = (q[i] - ZERO_POINT) * SCALE;
    }
    byte[] qOut = new byte[outSize];
    float[] fOut = new float[outSize];
    move.run(q, qOut);
    move.run(f, fOut);
    for (int i = 0; i < outSize; i++) {
      assertThat((qOut[i] - ZERO_POINT) * SCALE).as("element %d", i).isEqualTo(fOut[i]);
    }
  }

  @Test
  void everyDataMovementKernelCommutesWithDequantization() {
    for (long seed = 0; seed < 20; seed++) {
      Random r = new Random(seed);
      int[] shape = {1 + r.nextInt(3), 2 * (1 + r.nextInt(3)), 2 * (1 + r.nextInt(3)), 4};
      int n = Shapes.size(shape);
      Transpose.Plan t = Transpose.plan(shape, new int[] {3, 1, 0, 2});
      assertCommutes(n, n, (in, out) -> Transpose.eval(t, in, out), seed);
      Slice.Plan s = Slice.plan(shape, new int[] {0, 1, 0, 1}, new int[] {-1, 1, -1, 2});
      assertCommutes(n, Shapes.size(s.outputShape()), (in, out) -> Slice.eval(s, in, out), seed);
      SpaceDepth.Plan d = SpaceDepth.spaceToDepth(shape, 2);
      assertCommutes(n, n, (in, out) -> SpaceDepth.eval(d, in, out), seed);
      SpaceBatch.Plan b = SpaceBatch.spaceToBatch(shape, new int[] {2, 2}, new int[] {0, 0, 0, 0});
      assertCommutes(n, n, (in, out) -> SpaceBatch.eval(b, in, out, 0), seed);
      Split.Plan sp = Split.planEqual(shape, 3, 2);
      assertCommutes(
          n,
          n / 2,
          (in, out) -> {
            Object other =
                java.lang.reflect.Array.newInstance(out.getClass().getComponentType(), n / 2);
            Split.eval(sp, in, new Object[] {out, other});
          },
          seed);
    }
  }
}
