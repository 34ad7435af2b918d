package dev.tinyml.ops.kernels;

import java.util.function.IntUnaryOperator;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D over NHWC tensors, float32, int8 and int16, as TFLM's reference
 * {@code AveragePool}/{@code MaxPool}: windows are clipped to the image, the integer average rounds
 * half away from zero, and the fused activation clamps the result to the type's range.
 */
public final class Pooling {

  private Pooling() {}

  /**
   * Shapes and parameters.
   *
   * @param batches N
   * @param inH input height
   * @param inW input width
   * @param channels C
   * @param outH output height
   * @param outW output width
   * @param filterH window height
   * @param filterW window width
   * @param strideH vertical stride
   * @param strideW horizontal stride
   * @param padH top padding
   * @param padW left padding
   * @param actMin quantized clamp low
   * @param actMax quantized clamp high
   * @param floatMin float clamp low
   * @param floatMax float clamp high
   */
  public record Plan(
      int batches,
      int inH,
      int inW,
      int channels,
      int outH,
      int outW,
      int filterH,
      int filterW,
      int strideH,
      int strideW,
      int padH,
      int padW,
      int actMin,
      int actMax,
      float floatMin,
      float floatMax) {}

  /**
   * Builds a float32, int8 or int16 plan whose activation clamp lies in {@code quantization}'s type
   * range (int16 passes {@code Short.MIN_VALUE..Short.MAX_VALUE}). For int8 and int16 the input and
   * output must share scale and zero point (TFLM checks it).
   *
   * @param quantization the output scale, zero point and type range (no multipliers)
   * @throws IllegalArgumentException when batches differ or an output extent is not the one the
   *     padding gives
   */
  public static Plan prepare(
      int[] inputShape,
      int[] outputShape,
      boolean samePadding,
      int filterH,
      int filterW,
      int strideH,
      int strideW,
      Activation act,
      ConvParams.Quantization quantization) {
    // A pooling window is a one-channel, undilated filter; ConvParams checks and pads it the same.
    ConvParams g =
        ConvParams.of(
            (in, filter, out) -> 1,
            inputShape,
            new int[] {1, filterH, filterW, 1},
            outputShape,
            new ConvParams.Window(samePadding, strideH, strideW, 1, 1),
            act,
            quantization);
    return new Plan(
        g.batches(),
        g.inH(),
        g.inW(),
        g.inC(),
        g.outH(),
        g.outW(),
        filterH,
        filterW,
        strideH,
        strideW,
        g.padH(),
        g.padW(),
        g.actMin(),
        g.actMax(),
        g.floatMin(),
        g.floatMax());
  }

  /**
   * What a pooling op does with one output element: reduce the input elements at {@code
   * taps[0..count) + channel} (the clipped window, row by row) into {@code out[outIndex]}.
   */
  @FunctionalInterface
  private interface WindowReduction {
    void reduce(int[] taps, int count, int channel, int outIndex);
  }

  /**
   * Walks every output pixel, collects the input pixels its window covers inside the image (row
   * major, as the reference loops visit them) and hands each channel to {@code reduction}.
   */
  private static void forEachWindow(Plan p, WindowReduction reduction) {
    int c = p.channels();
    int[] taps = new int[p.filterH() * p.filterW()];
    for (int b = 0; b < p.batches(); b++) {
      for (int oy = 0; oy < p.outH(); oy++) {
        int iy0 = oy * p.strideH() - p.padH();
        int fy0 = Math.max(0, -iy0);
        int fy1 = Math.min(p.filterH(), p.inH() - iy0);
        for (int ox = 0; ox < p.outW(); ox++) {
          int ix0 = ox * p.strideW() - p.padW();
          int fx0 = Math.max(0, -ix0);
          int fx1 = Math.min(p.filterW(), p.inW() - ix0);
          int count = 0;
          for (int fy = fy0; fy < fy1; fy++) {
            for (int fx = fx0; fx < fx1; fx++) {
              taps[count++] = ((b * p.inH() + iy0 + fy) * p.inW() + ix0 + fx) * c;
            }
          }
          int outBase = ((b * p.outH() + oy) * p.outW() + ox) * c;
          for (int ch = 0; ch < c; ch++) {
            reduction.reduce(taps, count, ch, outBase + ch);
          }
        }
      }
    }
  }

  /** Float average pooling: the window's sum, in row-major order, divided by the tap count. */
  public static void averageFloat(Plan p, float[] in, float[] out) {
    forEachWindow(
        p,
        (taps, count, ch, o) -> {
          float total = 0f;
          for (int t = 0; t < count; t++) {
            total += in[taps[t] + ch];
          }
          out[o] = Activation.clamp(total / count, p.floatMin(), p.floatMax());
        });
  }

  /** Int8 average pooling: the sum divided by the tap count, rounded half away from zero. */
  public static void averageInt8(Plan p, byte[] in, byte[] out) {
    averageInteger(p, i -> in[i], (i, v) -> out[i] = (byte) v);
  }

  /** Int16 average pooling: the int8 rounding division, clamped to the plan's int16 range. */
  public static void averageInt16(Plan p, short[] in, short[] out) {
    averageInteger(p, i -> in[i], (i, v) -> out[i] = (short) v);
  }

  /** The integer average both types share; the plan's clamp keeps the value in the type. */
  private static void averageInteger(Plan p, IntUnaryOperator in, IntStore out) {
    forEachWindow(
        p,
        (taps, count, ch, o) -> {
          int acc = 0;
          for (int t = 0; t < count; t++) {
            acc += in.applyAsInt(taps[t] + ch);
          }
          acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
          out.set(o, Math.min(Math.max(acc, p.actMin()), p.actMax()));
        });
  }

  /** Float max pooling. */
  public static void maxFloat(Plan p, float[] in, float[] out) {
    forEachWindow(
        p,
        (taps, count, ch, o) -> {
          float max = -Float.MAX_VALUE;
          for (int t = 0; t < count; t++) {
            float v = in[taps[t] + ch];
            max = max < v ? v : max;
          }
          out[o] = Activation.clamp(max, p.floatMin(), p.floatMax());
        });
  }

  /** Int8 max pooling. */
  public static void maxInt8(Plan p, byte[] in, byte[] out) {
    maxInteger(p, Byte.MIN_VALUE, i -> in[i], (i, v) -> out[i] = (byte) v);
  }

  /** Int16 max pooling, clamped to the plan's int16 range. */
  public static void maxInt16(Plan p, short[] in, short[] out) {
    maxInteger(p, Short.MIN_VALUE, i -> in[i], (i, v) -> out[i] = (short) v);
  }

  /** The integer max both types share, starting from the type's lowest value as TFLM does. */
  private static void maxInteger(Plan p, int lowest, IntUnaryOperator in, IntStore out) {
    forEachWindow(
        p,
        (taps, count, ch, o) -> {
          int max = lowest;
          for (int t = 0; t < count; t++) {
            max = Math.max(max, in.applyAsInt(taps[t] + ch));
          }
          out.set(o, Math.min(Math.max(max, p.actMin()), p.actMax()));
        });
  }
}
