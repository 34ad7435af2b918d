package dev.tinyml.ops.kernels;

/**
 * REDUCE_MAX, REDUCE_MIN and SUM over any set of axes, as TFLM's {@code reduce_common.cc}: the
 * input is walked in row-major order and each element is folded into its output slot, so float sums
 * add in TFLM's order. Int8/int16 SUM accumulates raw values in int32, removes the zero point once
 * per element and rescales by {@code inputScale / outputScale}; int8 MAX/MIN compare raw values
 * (TFLM requires equal input and output quantization).
 */
public final class Reduction {

  private Reduction() {}

  /**
   * A planned reduction.
   *
   * @param outputShape the output shape (reduced axes dropped, or kept as 1)
   * @param target output flat index of every input element
   * @param count input elements per output element
   */
  public record Plan(int[] outputShape, int[] target, int count) {}

  /**
   * Plans a reduction; axes may be negative and repeated, as TFLM accepts them.
   *
   * @throws IllegalArgumentException naming an axis outside the input's rank
   */
  public static Plan plan(int[] inputShape, int[] axes, boolean keepDims) {
    int rank = inputShape.length;
    boolean[] reduced = new boolean[rank];
    for (int a : axes) {
      reduced[Shapes.axis(a, rank)] = true;
    }
    int kept = 0;
    for (int d = 0; d < rank; d++) {
      if (!reduced[d]) {
        kept++;
      }
    }
    int[] outShape = new int[keepDims ? rank : kept];
    int[] outExtent = new int[rank];
    for (int d = 0, k = 0; d < rank; d++) {
      outExtent[d] = reduced[d] ? 1 : inputShape[d];
      if (keepDims) {
        outShape[d] = outExtent[d];
      } else if (!reduced[d]) {
        outShape[k++] = inputShape[d];
      }
    }
    int[] step = Shapes.strides(outExtent);
    for (int d = 0; d < rank; d++) {
      step[d] = reduced[d] ? 0 : step[d];
    }
    int[] target = Shapes.offsets(inputShape, 0, step);
    int n = target.length;
    int outSize = Shapes.size(outShape);
    return new Plan(outShape, target, outSize == 0 ? 0 : n / outSize);
  }

  /** Float SUM. */
  public static void sum(Plan p, float[] in, float[] out) {
    java.util.Arrays.fill(out, 0f);
    for (int i = 0; i < in.length; i++) {
      out[p.target()[i]] = in[i] + out[p.target()[i]];
    }
  }

  /** Int32 SUM (wrapping on overflow, like C++). */
  public static void sum(Plan p, int[] in, int[] out) {
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < in.length; i++) {
      out[p.target()[i]] += in[i];
    }
  }

  /**
   * Rescaling of a quantized SUM.
   *
   * @param inputZeroPoint input zero point
   * @param outputZeroPoint output zero point
   * @param multiplier significand of {@code inputScale / outputScale}
   * @param shift its exponent
   */
  public record Rescale(int inputZeroPoint, int outputZeroPoint, int multiplier, int shift) {}

  /** The rescaling of a quantized SUM from the tensors' quantization. */
  public static Rescale rescale(float inScale, int inZeroPoint, float outScale, int outZeroPoint) {
    FixedPoint.Multiplier m = FixedPoint.quantizeMultiplier((double) inScale / (double) outScale);
    return new Rescale(inZeroPoint, outZeroPoint, m.multiplier(), m.shift());
  }

  private static int[] rawSums(
      Plan p, int outSize, java.util.function.IntUnaryOperator value, int n) {
    int[] acc = new int[outSize];
    for (int i = 0; i < n; i++) {
      acc[p.target()[i]] += value.applyAsInt(i);
    }
    return acc;
  }

  private static int requantize(Plan p, Rescale r, int rawSum, int min, int max) {
    int shifted = rawSum - r.inputZeroPoint() * p.count();
    int v = FixedPoint.multiplyByQuantizedMultiplier(shifted, r.multiplier(), r.shift());
    return Math.min(Math.max(v + r.outputZeroPoint(), min), max);
  }

  /** Int8 SUM. */
  public static void sum(Plan p, Rescale r, byte[] in, byte[] out) {
    int[] acc = rawSums(p, out.length, i -> in[i], in.length);
    for (int o = 0; o < out.length; o++) {
      out[o] = (byte) requantize(p, r, acc[o], -128, 127);
    }
  }

  /** Int16 SUM. */
  public static void sum(Plan p, Rescale r, short[] in, short[] out) {
    int[] acc = rawSums(p, out.length, i -> in[i], in.length);
    for (int o = 0; o < out.length; o++) {
      out[o] = (short) requantize(p, r, acc[o], Short.MIN_VALUE, Short.MAX_VALUE);
    }
  }

  /** Float REDUCE_MAX ({@code max = true}) or REDUCE_MIN. */
  public static void extreme(Plan p, boolean max, float[] in, float[] out) {
    java.util.Arrays.fill(out, max ? -Float.MAX_VALUE : Float.MAX_VALUE);
    for (int i = 0; i < in.length; i++) {
      int o = p.target()[i];
      if (max ? in[i] > out[o] : in[i] < out[o]) {
        out[o] = in[i];
      }
    }
  }

  /** Int8 REDUCE_MAX or REDUCE_MIN on raw values. */
  public static void extreme(Plan p, boolean max, byte[] in, byte[] out) {
    java.util.Arrays.fill(out, max ? Byte.MIN_VALUE : Byte.MAX_VALUE);
    for (int i = 0; i < in.length; i++) {
      int o = p.target()[i];
      if (max ? in[i] > out[o] : in[i] < out[o]) {
        out[o] = in[i];
      }
    }
  }
}
