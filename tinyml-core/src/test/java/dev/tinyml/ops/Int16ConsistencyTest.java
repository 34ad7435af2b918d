package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.FLOAT32;
import static dev.tinyml.tflite.TensorType.INT16;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.TensorType;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomised self-consistency of the int16 kernels: on random data, each op's int16 output,
 * dequantized, stays within a few output steps of its float kernel's output on the same (for
 * weights: the dequantized) values. The inputs are quantized finer than the output, so the bound is
 * the int16 kernel's own rounding (and, for LOGISTIC, TANH and SOFTMAX, their table error, which
 * TFLM's tests bound by 16 and 7 steps).
 */
class Int16ConsistencyTest {

  private final Random random = new Random(20261208);

  private float[] uniform(int n, float lo, float hi) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = lo + (hi - lo) * random.nextFloat();
    }
    return f;
  }

  private static float[] dequantize(short[] q, float scale) {
    float[] f = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      f[i] = q[i] * scale;
    }
    return f;
  }

  private static float[] dequantize(byte[] q, float scale) {
    float[] f = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      f[i] = q[i] * scale;
    }
    return f;
  }

  /** Quantizes, then dequantizes, so the float model sees the values the int16 model sees. */
  private static float[] onGrid(float[] x, float scale) {
    return dequantize(Int16TestQuant.int16(x, scale), scale);
  }

  private static float[] runFloat(
      OneOpModel m, BuiltinOperator op, BuiltinOptions o, float[]... in) {
    Interpreter it = m.interpreter(op, o);
    for (int i = 0; i < in.length; i++) {
      it.input(i).setFloat(in[i]);
    }
    it.invoke();
    return it.output(0).floats();
  }

  private static float[] runInt16(
      OneOpModel m,
      BuiltinOperator op,
      BuiltinOptions o,
      float[] scales,
      float outScale,
      float[]... in) {
    Interpreter it = m.interpreter(op, o);
    for (int i = 0; i < in.length; i++) {
      it.input(i).setInt16(Int16TestQuant.int16(in[i], scales[i]));
    }
    it.invoke();
    return dequantize(it.output(0).int16(), outScale);
  }

  private static void assertClose(float[] int16, float[] reference, float outScale, int steps) {
    assertThat(int16).hasSameSizeAs(reference);
    for (int i = 0; i < reference.length; i++) {
      assertThat((double) Math.abs(int16[i] - reference[i]))
          .as("element %d: int16 %s, float %s", i, int16[i], reference[i])
          .isLessThanOrEqualTo(steps * (double) outScale);
    }
  }

  private void assertUnaryConsistent(
      BuiltinOperator op,
      BuiltinOptions o,
      float lo,
      float hi,
      int[] shape,
      float inScale,
      float outScale,
      int steps) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] x = onGrid(uniform(n, lo, hi), inScale);
    float[] ref = runFloat(new OneOpModel().input(FLOAT32, shape).output(FLOAT32, shape), op, o, x);
    float[] got =
        runInt16(
            new OneOpModel().input(INT16, inScale, 0, shape).output(INT16, outScale, 0, shape),
            op,
            o,
            new float[] {inScale},
            outScale,
            x);
    assertClose(got, ref, outScale, steps);
  }

  @Test
  void int16LogisticFollowsTheFloatKernel() {
    assertUnaryConsistent(
        BuiltinOperator.LOGISTIC, null, -8, 8, new int[] {1, 500}, 1f / 4096, 1f / 32768, 16);
  }

  @Test
  void int16TanhFollowsTheFloatKernel() {
    assertUnaryConsistent(
        BuiltinOperator.TANH, null, -6, 6, new int[] {1, 500}, 3f / 32768, 1f / 32768, 16);
  }

  @Test
  void int16SoftmaxFollowsTheFloatKernel() {
    assertUnaryConsistent(
        BuiltinOperator.SOFTMAX,
        new SoftmaxOptions(1f),
        -5,
        5,
        new int[] {20, 10},
        10f / 32768,
        1f / 32768,
        7);
  }

  private void assertBinaryConsistent(
      BuiltinOperator op, BuiltinOptions o, float range, float inScale, float outScale) {
    int[] shape = {4, 3, 5};
    int[] yShape = {3, 1};
    float[] x = onGrid(uniform(60, -range, range), inScale);
    float[] y = onGrid(uniform(3, -range, range), inScale);
    float[] ref =
        runFloat(
            new OneOpModel().input(FLOAT32, shape).input(FLOAT32, yShape).output(FLOAT32, shape),
            op,
            o,
            x,
            y);
    float[] got =
        runInt16(
            new OneOpModel()
                .input(INT16, inScale, 0, shape)
                .input(INT16, inScale, 0, yShape)
                .output(INT16, outScale, 0, shape),
            op,
            o,
            new float[] {inScale, inScale},
            outScale,
            x,
            y);
    assertClose(got, ref, outScale, 1);
  }

  @Test
  void int16AddFollowsTheFloatKernel() {
    assertBinaryConsistent(
        BuiltinOperator.ADD,
        new AddOptions(ActivationFunctionType.NONE, false),
        4,
        4f / 32768,
        8f / 32768);
  }

  @Test
  void int16MulFollowsTheFloatKernel() {
    assertBinaryConsistent(
        BuiltinOperator.MUL,
        new MulOptions(ActivationFunctionType.NONE),
        2,
        2f / 32768,
        4f / 32768);
  }

  /**
   * A weighted op in float (dequantized weights, float bias) and 16x8 (the int8 weights, an int64
   * bias of scale input times weight scale): {@code weights} builds the weights operand of each.
   */
  private void assertWeightedConsistent(
      BuiltinOperator op,
      BuiltinOptions o,
      int[] inShape,
      int[] wShape,
      int[] outShape,
      int channels,
      boolean channelsLast,
      float outScale) {
    float inScale = 1f / 32768;
    int inN = count(inShape);
    int wN = count(wShape);
    float[] x = onGrid(uniform(inN, -1, 1), inScale);
    float[] w = uniform(wN, -1, 1);
    float[] scales = Int16TestQuant.channelScales(w, channels, channelsLast);
    byte[] wq = Int16TestQuant.int8PerChannel(w, scales, channelsLast);
    float[] wDeq = new float[wN];
    int per = wN / channels;
    for (int i = 0; i < wN; i++) {
      int c = channelsLast ? i % channels : i / per;
      wDeq[i] = wq[i] * scales[c];
    }
    float[] bias = uniform(channels, -1, 1);
    long[] bq = Int16TestQuant.bias64(bias, inScale, scales);
    float[] biasDeq = new float[channels];
    for (int c = 0; c < channels; c++) {
      biasDeq[c] = (float) (bq[c] * (double) (inScale * scales[c]));
    }
    float[] ref =
        runFloat(
            new OneOpModel()
                .input(FLOAT32, inShape)
                .floats(wShape, wDeq)
                .floats(new int[] {channels}, biasDeq)
                .output(FLOAT32, outShape),
            op,
            o,
            x);
    float[] got =
        runInt16(
            new OneOpModel()
                .input(INT16, inScale, 0, inShape)
                .int8sPerChannel(wShape, scales, channelsLast ? 3 : 0, wq)
                .longs(new int[] {channels}, bq)
                .output(INT16, outScale, 0, outShape),
            op,
            o,
            new float[] {inScale},
            outScale,
            x);
    assertClose(got, ref, outScale, 1);
  }

  private static int count(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Test
  void fullyConnected16x8FollowsTheFloatKernel() {
    assertWeightedConsistent(
        BuiltinOperator.FULLY_CONNECTED,
        new FullyConnectedOptions(
            ActivationFunctionType.NONE,
            FullyConnectedOptionsWeightsFormat.DEFAULT,
            false,
            false,
            TensorType.FLOAT32),
        new int[] {3, 24},
        new int[] {8, 24},
        new int[] {3, 8},
        8,
        false,
        16f / 32768);
  }

  @Test
  void conv16x8FollowsTheFloatKernel() {
    assertWeightedConsistent(
        BuiltinOperator.CONV_2D,
        new Conv2DOptions(
            Padding.SAME, 1, 1, ActivationFunctionType.NONE, 1, 1, TensorType.FLOAT32),
        new int[] {1, 6, 5, 3},
        new int[] {4, 3, 3, 3},
        new int[] {1, 6, 5, 4},
        4,
        false,
        16f / 32768);
  }

  @Test
  void depthwise16x8FollowsTheFloatKernel() {
    assertWeightedConsistent(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new DepthwiseConv2DOptions(Padding.SAME, 2, 2, 2, ActivationFunctionType.NONE, 1, 1),
        new int[] {1, 7, 6, 3},
        new int[] {1, 3, 3, 6},
        new int[] {1, 4, 3, 6},
        6,
        true,
        8f / 32768);
  }
}
