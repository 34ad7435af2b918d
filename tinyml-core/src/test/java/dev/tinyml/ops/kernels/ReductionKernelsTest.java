package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** REDUCE_MAX/MIN, SUM, ARG_MAX/MIN and L2_NORMALIZATION against TFLM's kernel tests. */
class ReductionKernelsTest {

  static float[] oneTo24() {
    float[] f = new float[24];
    for (int i = 0; i < 24; i++) {
      f[i] = i + 1;
    }
    return f;
  }

  // Expected values: TFLM tensorflow/lite/micro/kernels/reduce_test.cc, ReduceTest
  // FloatMaxOpTestNotKeepDims (axes {1, 0, -3, -3}) and FloatMaxOpTestKeepDims (axes {0, 2}).
  @Test
  void floatMaxReducesRepeatedAndNegativeAxes() {
    Reduction.Plan p = Reduction.plan(new int[] {4, 3, 2}, new int[] {1, 0, -3, -3}, false);
    float[] out = new float[2];
    Reduction.extreme(p, true, oneTo24(), out);
    assertThat(p.outputShape()).containsExactly(2);
    assertThat(out).containsExactly(23, 24);

    Reduction.Plan k = Reduction.plan(new int[] {4, 3, 2}, new int[] {0, 2}, true);
    float[] out2 = new float[3];
    Reduction.extreme(k, true, oneTo24(), out2);
    assertThat(k.outputShape()).containsExactly(1, 3, 1);
    assertThat(out2).containsExactly(20, 22, 24);
  }

  // reduce_test.cc, Int8MaxOpTestKeepDims (scale 2/255, zero point 0).
  @Test
  void int8MaxComparesRawValues() {
    float s = 2f / 255f;
    Reduction.Plan p = Reduction.plan(new int[] {1, 3, 2}, new int[] {1}, true);
    byte[] out = new byte[2];
    Reduction.extreme(
        p, true, Quant.int8(new float[] {0.4f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, s, 0), out);
    assertThat(out).containsExactly(Quant.int8(new float[] {0.5f, 0.6f}, s, 0));
  }

  // reduce_test.cc, FloatMinOpTestKeepDims: axes {0, 2} of 1..24 give 1, 3, 5.
  @Test
  void floatMinTakesTheSmallest() {
    Reduction.Plan p = Reduction.plan(new int[] {4, 3, 2}, new int[] {0, 2}, true);
    float[] out = new float[3];
    Reduction.extreme(p, false, oneTo24(), out);
    assertThat(out).containsExactly(1, 3, 5);
  }

  // reduce_test.cc, SumFloat4DKeepDims / SumInt84DWithoutKeepDims / SumInt164DWithoutKeepDims:
  // 1..24 of shape 2x2x3x2 summed over axes {1, 2} give 36, 42, 108, 114.
  @Test
  void sumOverInnerAxesInFloatInt8AndInt16() {
    Reduction.Plan p = Reduction.plan(new int[] {2, 2, 3, 2}, new int[] {1, 2}, false);
    float[] f = new float[4];
    Reduction.sum(p, oneTo24(), f);
    assertThat(p.outputShape()).containsExactly(2, 2);
    assertThat(f).containsExactly(36, 42, 108, 114);

    byte[] q8 = new byte[4];
    Reduction.sum(p, Reduction.rescale(1f, 0, 1f, 0), Quant.int8(oneTo24(), 1f, 0), q8);
    assertThat(q8).containsExactly(36, 42, 108, 114);

    short[] q16 = new short[4];
    Reduction.sum(p, Reduction.rescale(0.5f, 0, 0.5f, 0), Quant.int16(oneTo24(), 0.5f, 0), q16);
    assertThat(q16).containsExactly(new short[] {72, 84, 216, 228});
  }

  // reduce_test.cc, SumInt164DWithoutKeepDimsDifferentScaleAndZeroPoint: output scale 0.7,
  // TFLM's tolerance 1 step.
  @Test
  void quantizedSumRescalesToTheOutputScale() {
    Reduction.Plan p = Reduction.plan(new int[] {2, 2, 3, 2}, new int[] {1, 2}, false);
    short[] q16 = new short[4];
    Reduction.sum(p, Reduction.rescale(0.5f, 0, 0.7f, 0), Quant.int16(oneTo24(), 0.5f, 0), q16);
    short[] golden = Quant.int16(new float[] {36, 42, 108, 114}, 0.7f, 0);
    for (int i = 0; i < 4; i++) {
      assertThat(Math.abs(q16[i] - golden[i])).isLessThanOrEqualTo(1);
    }
  }

  // reduce_test.cc, SumInt82DKeepDims with a non-zero zero point (hand-computed: 1..4 and 5..8 at
  // scale 0.5, zero point 10, sum 10 and 26 at scale 0.5, zero point -20).
  @Test
  void quantizedSumRemovesTheZeroPointOncePerElement() {
    Reduction.Plan p = Reduction.plan(new int[] {2, 4}, new int[] {1}, true);
    byte[] in = Quant.int8(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 0.5f, 10);
    byte[] out = new byte[2];
    Reduction.sum(p, Reduction.rescale(0.5f, 10, 0.5f, -20), in, out);
    assertThat(out).containsExactly(0, 32);
  }

  // arg_min_max_test.cc, ArgMinMaxTest GetMaxArgMulDimensions, GetMinArgMulDimensions,
  // GetMaxArgNegativeAxis, GetMaxArgInt8.
  @Test
  void argMaxAndArgMinFindTheFirstExtremeIndex() {
    float[] in = {1, 2, 7, 8, 1, 9, 7, 3};
    int[] out = new int[2];
    ArgMinMax.eval(ArgMinMax.plan(new int[] {1, 1, 2, 4}, 3), true, in, out);
    assertThat(out).containsExactly(3, 1);
    ArgMinMax.eval(ArgMinMax.plan(new int[] {1, 1, 2, 4}, 3), false, in, out);
    assertThat(out).containsExactly(0, 0);
    int[] neg = new int[4];
    ArgMinMax.eval(ArgMinMax.plan(new int[] {1, 1, 2, 4}, -2), true, in, neg);
    assertThat(neg).containsExactly(0, 1, 0, 0);
    int[] one = new int[1];
    ArgMinMax.eval(ArgMinMax.plan(new int[] {1, 1, 1, 4}, 3), true, new byte[] {1, 9, 7, 3}, one);
    assertThat(one).containsExactly(1);
  }

  // l2norm_test.cc, L2normTest SimpleFloatTest (tolerance 1e-5) and SimpleInt8Test /
  // MultipleBatchInt8Test (exact); TFLM's input range [-2, 2] gives zero point -1.
  @Test
  void l2NormalizationMatchesTflmInFloatAndExactlyInInt8() {
    float[] out = new float[6];
    L2Normalization.eval(6, new float[] {-1.1f, 0.6f, 0.7f, 1.2f, -0.7f, 0.1f}, out);
    assertThat(out)
        .containsExactly(new float[] {-0.55f, 0.3f, 0.35f, 0.6f, -0.35f, 0.05f}, within(1e-5f));

    byte[] in = {-71, 37, 44, 76, -46, 5, -71, 37, 44, 76, -46, 5};
    byte[] q = new byte[12];
    L2Normalization.eval(6, Quant.zeroPoint8(-2f, 2f), in, q);
    assertThat(Quant.zeroPoint8(-2f, 2f)).isEqualTo(-1);
    assertThat(q).containsExactly(-70, 38, 45, 77, -45, 6, -70, 38, 45, 77, -45, 6);
  }

  // l2norm_test.cc, ZerosVectorFloatTest and ZerosVectorInt8Test (inputs at the zero point -1).
  @Test
  void l2NormalizationOfZerosIsZeros() {
    float[] out = new float[3];
    L2Normalization.eval(3, new float[3], out);
    assertThat(out).containsOnly(0f);
    byte[] q = new byte[6];
    L2Normalization.eval(6, -1, new byte[] {-1, -1, -1, -1, -1, -1}, q);
    assertThat(q).containsOnly((byte) 0);
  }

  // Randomised: int8 SUM and L2 normalization stay within a step or two of the float kernels.
  @Test
  void int8ReductionsFollowTheFloatKernels() {
    Random r = new Random(11);
    float inScale = 0.02f;
    int inZp = -7;
    for (int trial = 0; trial < 20; trial++) {
      int depth = 1 + r.nextInt(16);
      int rows = 1 + r.nextInt(4);
      byte[] q = new byte[rows * depth];
      for (int i = 0; i < q.length; i++) {
        q[i] = (byte) (r.nextInt(256) - 128);
      }
      float[] x = Quant.dequantize(q, inScale, inZp);
      Reduction.Plan p = Reduction.plan(new int[] {rows, depth}, new int[] {-1}, false);
      float sumScale = inScale * depth / 4f;
      byte[] qs = new byte[rows];
      float[] fs = new float[rows];
      Reduction.sum(p, Reduction.rescale(inScale, inZp, sumScale, 0), q, qs);
      Reduction.sum(p, x, fs);
      for (int i = 0; i < rows; i++) {
        float clamped = Math.max(-128 * sumScale, Math.min(127 * sumScale, fs[i]));
        assertThat(qs[i] * sumScale).isCloseTo(clamped, within(sumScale));
      }
      byte[] ql = new byte[q.length];
      float[] fl = new float[q.length];
      L2Normalization.eval(depth, inZp, q, ql);
      L2Normalization.eval(depth, x, fl);
      for (int i = 0; i < q.length; i++) {
        float clamped = Math.max(-1f, Math.min(127f / 128, fl[i]));
        assertThat(ql[i] / 128f).isCloseTo(clamped, within(2f / 128));
      }
    }
  }
}
