package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomised self-consistency: each quantized element-wise kernel, dequantized, stays within a few
 * output quantization steps of the float kernel on the dequantized inputs.
 */
class ElementwiseConsistencyTest {

  static final int N = 500;

  @Test
  void int8AbsAndRsqrtFollowTheFloatKernels() {
    Random r = new Random(1);
    float inScale = 0.04f;
    int inZp = -20;
    byte[] q = new byte[N];
    for (int i = 0; i < N; i++) {
      q[i] = (byte) (r.nextInt(256) - 128);
    }
    float[] x = Quant.dequantize(q, inScale, inZp);
    float absScale = 0.03f;
    byte[] out = new byte[N];
    QuantizedAbsRsqrt.eval(
        QuantizedAbsRsqrt.planAbs(inScale, inZp, absScale, -128, 8), false, q, out);
    float[] deq = Quant.dequantize(out, absScale, -128);
    for (int i = 0; i < N; i++) {
      float ref = Math.min(Math.abs(x[i]), 255 * absScale);
      assertThat(deq[i]).as("abs %f", x[i]).isCloseTo(ref, within(absScale));
    }
    float rsqrtScale = 1f / 128;
    for (int i = 0; i < N; i++) {
      if (q[i] < inZp + 1) {
        continue;
      }
      int v =
          QuantizedAbsRsqrt.rsqrt(
              QuantizedAbsRsqrt.planRsqrt(inScale, inZp, rsqrtScale, -128, 8), q[i]);
      float ref = Math.min(UnaryMath.apply(UnaryMath.Function.RSQRT, x[i]), 255 * rsqrtScale);
      assertThat(rsqrtScale * (v + 128))
          .as("rsqrt %f", x[i])
          .isCloseTo(ref, within(2 * rsqrtScale));
    }
  }

  @Test
  void int8EluAndHardSwishFollowTheFloatKernels() {
    float inScale = 6f / 255;
    int inZp = 0;
    float outScale = 4f / 255;
    int outZp = -20;
    byte[] elu = LookupTable.elu(inScale, inZp, outScale, outZp);
    HardSwish.Plan hs = HardSwish.plan(inScale, inZp, outScale, outZp);
    for (int v = -128; v <= 127; v++) {
      float x = inScale * (v - inZp);
      float eluRef = clamp(UnaryMath.apply(UnaryMath.Function.ELU, x), outScale, outZp);
      float hsRef = clamp(UnaryMath.apply(UnaryMath.Function.HARD_SWISH, x), outScale, outZp);
      assertThat(outScale * (elu[v + 128] - outZp))
          .as("elu %f", x)
          .isCloseTo(eluRef, within(outScale));
      assertThat(outScale * (HardSwish.apply(hs, v) - outZp))
          .as("hard swish %f", x)
          .isCloseTo(hsRef, within(2 * outScale));
    }
  }

  static float clamp(float y, float scale, int zp) {
    return Math.max(scale * (-128 - zp), Math.min(scale * (127 - zp), y));
  }

  @Test
  void int8PreluAndSquaredDifferenceFollowTheFloatKernels() {
    Random r = new Random(3);
    float s1 = 0.05f;
    int z1 = 10;
    float s2 = 0.02f;
    int z2 = -4;
    float so = 0.06f;
    int zo = -30;
    int[] shape = {N};
    byte[] a = new byte[N];
    byte[] b = new byte[N];
    for (int i = 0; i < N; i++) {
      a[i] = (byte) (r.nextInt(256) - 128);
      b[i] = (byte) (r.nextInt(256) - 128);
    }
    float[] fa = Quant.dequantize(a, s1, z1);
    float[] fb = Quant.dequantize(b, s2, z2);
    byte[] out = new byte[N];
    Prelu.eval(Prelu.planQuantized(shape, s1, z1, shape, s2, z2, so, zo), a, b, out);
    float[] ref = new float[N];
    Prelu.eval(Prelu.planFloat(shape, shape), fa, fb, ref);
    float[] deq = Quant.dequantize(out, so, zo);
    for (int i = 0; i < N; i++) {
      assertThat(deq[i]).as("prelu %d", i).isCloseTo(clamp(ref[i], so, zo), within(so));
    }
    float sq = 0.25f;
    SquaredDifference.eval(
        SquaredDifference.planQuantized(shape, s1, z1, shape, s2, z2, sq, -128, 8), a, b, out);
    SquaredDifference.eval(SquaredDifference.plan(shape, shape), fa, fb, ref);
    deq = Quant.dequantize(out, sq, -128);
    for (int i = 0; i < N; i++) {
      assertThat(deq[i])
          .as("squared difference %d", i)
          .isCloseTo(clamp(ref[i], sq, -128), within(sq));
    }
  }

  @Test
  void int8ComparisonsAgreeWithFloatWhereValuesDifferByMoreThanAStep() {
    Random r = new Random(5);
    float s1 = 0.05f;
    int z1 = 10;
    float s2 = 0.03f;
    int z2 = -4;
    int[] shape = {N};
    byte[] a = new byte[N];
    byte[] b = new byte[N];
    for (int i = 0; i < N; i++) {
      a[i] = (byte) (r.nextInt(256) - 128);
      b[i] = (byte) (r.nextInt(256) - 128);
    }
    float[] fa = Quant.dequantize(a, s1, z1);
    float[] fb = Quant.dequantize(b, s2, z2);
    for (Comparisons.Op op : Comparisons.Op.values()) {
      byte[] q = new byte[N];
      byte[] f = new byte[N];
      Comparisons.evalInt8(Comparisons.planInt8(op, shape, s1, z1, shape, s2, z2), a, b, q);
      Comparisons.eval(Comparisons.plan(op, shape, shape), fa, fb, f);
      for (int i = 0; i < N; i++) {
        if (Math.abs(fa[i] - fb[i]) > 1e-3f) {
          assertThat(q[i]).as("%s %f %f", op, fa[i], fb[i]).isEqualTo(f[i]);
        }
      }
    }
  }
}
