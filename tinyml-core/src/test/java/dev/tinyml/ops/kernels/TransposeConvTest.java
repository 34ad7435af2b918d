package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** TRANSPOSE_CONV against TFLM's tensorflow/lite/micro/kernels/transpose_conv_test.cc. */
class TransposeConvTest {

  static float[] oneTo(int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = i + 1;
    }
    return f;
  }

  static final float[] GOLDEN = {
    184, 412, 568, 528, 678, 1347, 1689, 1434, 1494, 2715, 3057, 2442, 1968, 3352, 3652, 2760
  };

  static TransposeConv.Geometry simple() {
    return TransposeConv.geometry(
        new int[] {1, 4, 4, 2}, new int[] {1, 3, 3, 2}, new int[] {1, 4, 4, 1}, 1, 1, true);
  }

  // TransposeConvTest SimpleTestFloat (SAME, stride 1, bias 0; exact).
  @Test
  void floatMatchesTflm() {
    float[] out = new float[16];
    TransposeConv.eval(
        simple(), oneTo(32), oneTo(18), new float[] {0}, -Float.MAX_VALUE, Float.MAX_VALUE, out);
    assertThat(out).containsExactly(GOLDEN);
  }

  // TransposeConvTest fusedRELUTest and AccuracyWithFusedActivationTest (stride 3).
  @Test
  void floatFusedReluMatchesTflm() {
    TransposeConv.Geometry g =
        TransposeConv.geometry(
            new int[] {1, 4, 4, 1}, new int[] {1, 3, 3, 1}, new int[] {1, 4, 4, 1}, 1, 1, true);
    float[] out = new float[16];
    TransposeConv.eval(
        g,
        new float[] {1, 2, -3, -4, 5, 6, -7, -8, 9, 10, -11, -12, 13, 14, 15, 16},
        oneTo(9),
        null,
        0f,
        Float.MAX_VALUE,
        out);
    assertThat(out).containsExactly(29, 24, 0, 0, 99, 72, 0, 0, 207, 186, 0, 0, 263, 292, 141, 0);

    TransposeConv.Geometry s3 =
        TransposeConv.geometry(
            new int[] {1, 1, 2, 1}, new int[] {1, 3, 3, 1}, new int[] {1, 3, 4, 1}, 3, 3, true);
    float[] out2 = new float[12];
    TransposeConv.eval(
        s3,
        new float[] {323, -521},
        new float[] {9, 5, 6, 9, 8, 5, 3, 1, 4},
        null,
        0f,
        Float.MAX_VALUE,
        out2);
    assertThat(out2).containsExactly(1615, 1938, 0, 0, 2584, 1615, 0, 0, 323, 1292, 0, 0);
  }

  // TransposeConvTest MultiChannelBiasWithFusedActivationTest (VALID, stride 2, two channels).
  @Test
  void floatMultiChannelBiasMatchesTflm() {
    TransposeConv.Geometry g =
        TransposeConv.geometry(
            new int[] {1, 2, 2, 1}, new int[] {2, 3, 3, 1}, new int[] {1, 5, 5, 2}, 2, 2, false);
    float[] out = new float[50];
    TransposeConv.eval(
        g,
        new float[] {1, 2, -3, 4},
        new float[] {1, 3, 5, 7, 9, 11, 13, 15, 17, 2, 4, 6, 8, 10, 12, 14, 16, 18},
        new float[] {3, 4},
        0f,
        Float.MAX_VALUE,
        out);
    assertThat(out)
        .containsExactly(
            4, 6, 6, 8, 10, 14, 9, 12, 13, 16, 10, 12, 12, 14, 28, 32, 21, 24, 25, 28, 13, 12, 9, 8,
            35, 40, 45, 52, 57, 64, 0, 0, 0, 0, 0, 0, 39, 44, 47, 52, 0, 0, 0, 0, 4, 6, 63, 68, 71,
            76);
  }

  // TransposeConvTest SimpleTestQuantizedPerChannel: input scale 0.5, filter 1, output 30.
  @Test
  void int8PerChannelMatchesTflm() {
    // 1..32 at scale 0.5 are 2..64: all fit in int8.
    byte[] in = new byte[32];
    for (int i = 0; i < 32; i++) {
      in[i] = (byte) (2 * (i + 1));
    }
    byte[] filter = new byte[18];
    for (int i = 0; i < 18; i++) {
      filter[i] = (byte) (i + 1);
    }
    ChannelMultipliers m = ChannelMultipliers.of(0.5f, new float[] {1f}, 30f, 1);
    byte[] out = new byte[16];
    TransposeConv.eval(simple(), in, 0, filter, new int[] {0}, m, 0, -128, 127, new int[16], out);
    for (int i = 0; i < 16; i++) {
      int golden = Math.max(-128, Math.min(127, Math.round(GOLDEN[i] / 30f)));
      assertThat(Math.abs(out[i] - golden)).as("element %d", i).isLessThanOrEqualTo(1);
    }
  }

  // TransposeConvTest SimpleTestQuantized16x8PerChannel: scales 1, int64 bias; exact.
  @Test
  void sixteenByEightMatchesTflm() {
    short[] in = new short[32];
    for (int i = 0; i < 32; i++) {
      in[i] = (short) (i + 1);
    }
    byte[] filter = new byte[18];
    for (int i = 0; i < 18; i++) {
      filter[i] = (byte) (i + 1);
    }
    ChannelMultipliers m = ChannelMultipliers.of(1f, new float[] {1f}, 1f, 1);
    short[] out = new short[16];
    TransposeConv.eval(
        simple(),
        in,
        filter,
        new long[] {0},
        m,
        Short.MIN_VALUE,
        Short.MAX_VALUE,
        new long[16],
        out);
    for (int i = 0; i < 16; i++) {
      assertThat((float) out[i]).isEqualTo(GOLDEN[i]);
    }
  }

  @Test
  void refusesAFilterWhoseDepthDiffersFromTheInput() {
    assertThatThrownBy(
            () ->
                TransposeConv.geometry(
                    new int[] {1, 2, 2, 3},
                    new int[] {1, 3, 3, 2},
                    new int[] {1, 4, 4, 1},
                    2,
                    2,
                    true))
        .hasMessageContaining("filter depth 2 differs from input depth 3");
  }

  // Randomised: int8 follows the float kernel on dequantized values within two output steps.
  @Test
  void int8FollowsTheFloatKernel() {
    Random r = new Random(17);
    for (int trial = 0; trial < 20; trial++) {
      int stride = 1 + r.nextInt(2);
      int inH = 1 + r.nextInt(4);
      int inW = 1 + r.nextInt(4);
      int inC = 1 + r.nextInt(3);
      int outC = 1 + r.nextInt(3);
      int k = 1 + r.nextInt(3);
      boolean same = r.nextBoolean();
      int outH = same ? inH * stride : (inH - 1) * stride + k;
      int outW = same ? inW * stride : (inW - 1) * stride + k;
      TransposeConv.Geometry g =
          TransposeConv.geometry(
              new int[] {1, inH, inW, inC},
              new int[] {outC, k, k, inC},
              new int[] {1, outH, outW, outC},
              stride,
              stride,
              same);
      float inScale = 0.05f;
      int inZp = -3;
      float[] fScales = new float[outC];
      byte[] in = new byte[inH * inW * inC];
      byte[] filter = new byte[outC * k * k * inC];
      float[] fin = new float[in.length];
      float[] ffilter = new float[filter.length];
      for (int i = 0; i < in.length; i++) {
        in[i] = (byte) (r.nextInt(256) - 128);
        fin[i] = inScale * (in[i] - inZp);
      }
      for (int c = 0; c < outC; c++) {
        fScales[c] = 0.01f * (c + 1);
      }
      for (int i = 0; i < filter.length; i++) {
        filter[i] = (byte) (r.nextInt(255) - 127);
        ffilter[i] = fScales[i / (k * k * inC)] * filter[i];
      }
      int n = outH * outW * outC;
      float[] ref = new float[n];
      TransposeConv.eval(g, fin, ffilter, null, -Float.MAX_VALUE, Float.MAX_VALUE, ref);
      float outScale = 0.05f;
      byte[] out = new byte[n];
      TransposeConv.eval(
          g,
          in,
          -inZp,
          filter,
          null,
          ChannelMultipliers.of(inScale, fScales, outScale, outC),
          0,
          -128,
          127,
          new int[n],
          out);
      for (int i = 0; i < n; i++) {
        float clamped = Math.max(-128 * outScale, Math.min(127 * outScale, ref[i]));
        assertThat(out[i] * outScale)
            .as("trial %d element %d", trial, i)
            .isCloseTo(clamped, within(outScale));
      }
    }
  }
}
