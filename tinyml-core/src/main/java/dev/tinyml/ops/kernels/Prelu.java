package dev.tinyml.ops.kernels;

import java.util.function.IntUnaryOperator;

/**
 * PRELU with a broadcast alpha: {@code x >= 0 ? x : alpha * x}. Quantized (int8 input with int8
 * alpha, or int16 input with int8 alpha) uses one multiplier for the positive branch and one for
 * the product, as TFLM.
 */
public final class Prelu {

  private Prelu() {}

  /**
   * A planned PRELU.
   *
   * @param outputShape broadcast shape
   * @param inputIndex input flat index per output element, null when no broadcast
   * @param alphaIndex alpha flat index per output element, null when no broadcast
   * @param inputOffset minus the input zero point
   * @param alphaOffset minus the alpha zero point
   * @param outputOffset output zero point
   * @param multiplier1 significand of {@code inputScale / outputScale}
   * @param shift1 its exponent
   * @param multiplier2 significand of {@code inputScale * alphaScale / outputScale}
   * @param shift2 its exponent
   */
  public record Plan(
      int[] outputShape,
      int[] inputIndex,
      int[] alphaIndex,
      int inputOffset,
      int alphaOffset,
      int outputOffset,
      int multiplier1,
      int shift1,
      int multiplier2,
      int shift2) {}

  /** Plans a float PRELU. */
  public static Plan planFloat(int[] inputShape, int[] alphaShape) {
    int[] out = Broadcasting.outputShape(inputShape, alphaShape);
    return new Plan(
        out,
        Broadcasting.indices(out, inputShape),
        Broadcasting.indices(out, alphaShape),
        0,
        0,
        0,
        0,
        0,
        0,
        0);
  }

  /** Plans a quantized PRELU. */
  public static Plan planQuantized(
      int[] inputShape,
      float inScale,
      int inZeroPoint,
      int[] alphaShape,
      float alphaScale,
      int alphaZeroPoint,
      float outScale,
      int outZeroPoint) {
    int[] out = Broadcasting.outputShape(inputShape, alphaShape);
    FixedPoint.Multiplier m1 = FixedPoint.quantizeMultiplier((double) inScale / (double) outScale);
    FixedPoint.Multiplier m2 =
        FixedPoint.quantizeMultiplier((double) inScale * (double) alphaScale / (double) outScale);
    return new Plan(
        out,
        Broadcasting.indices(out, inputShape),
        Broadcasting.indices(out, alphaShape),
        -inZeroPoint,
        -alphaZeroPoint,
        outZeroPoint,
        m1.multiplier(),
        m1.shift(),
        m2.multiplier(),
        m2.shift());
  }

  /** Float PRELU. */
  public static void eval(Plan p, float[] in, float[] alpha, float[] out) {
    for (int e = 0; e < out.length; e++) {
      float x = in[Broadcasting.at(p.inputIndex(), e)];
      out[e] = x >= 0f ? x : x * alpha[Broadcasting.at(p.alphaIndex(), e)];
    }
  }

  private static int quantized(Plan p, int x, int a, int min, int max) {
    int input = p.inputOffset() + x;
    int v;
    if (input >= 0) {
      v = FixedPoint.multiplyByQuantizedMultiplier(input, p.multiplier1(), p.shift1());
    } else {
      v =
          FixedPoint.multiplyByQuantizedMultiplier(
              input * (p.alphaOffset() + a), p.multiplier2(), p.shift2());
    }
    return Math.min(max, Math.max(min, v + p.outputOffset()));
  }

  /** Int8 PRELU (int8 alpha). */
  public static void eval(Plan p, byte[] in, byte[] alpha, byte[] out) {
    evalQuantized(p, out.length, e -> in[e], e -> alpha[e], -128, 127, (e, v) -> out[e] = (byte) v);
  }

  /** Int16 PRELU (int8 alpha). */
  public static void eval(Plan p, short[] in, byte[] alpha, short[] out) {
    evalQuantized(
        p,
        out.length,
        e -> in[e],
        e -> alpha[e],
        Short.MIN_VALUE,
        Short.MAX_VALUE,
        (e, v) -> out[e] = (short) v);
  }

  /**
   * The quantized loop for every element width: reads broadcast input and alpha, stores the
   * narrowed result.
   */
  private static void evalQuantized(
      Plan p,
      int size,
      IntUnaryOperator in,
      IntUnaryOperator alpha,
      int min,
      int max,
      IntStore out) {
    for (int e = 0; e < size; e++) {
      int x = in.applyAsInt(Broadcasting.at(p.inputIndex(), e));
      int y = alpha.applyAsInt(Broadcasting.at(p.alphaIndex(), e));
      out.set(e, quantized(p, x, y, min, max));
    }
  }
}
