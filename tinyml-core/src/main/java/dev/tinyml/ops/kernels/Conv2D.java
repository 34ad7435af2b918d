package dev.tinyml.ops.kernels;

import java.util.Arrays;

/**
 * CONV_2D over NHWC input with OHWI filters, float32, int8 (per-channel multipliers, int32 bias) or
 * 16x8 (int16 activations, int8 filter, int64 or int32 bias), with SAME/VALID padding, strides,
 * dilation and grouped filters, as TFLM's {@code ConvPerChannel} and float {@code Conv}. Taps that
 * fall outside the image are skipped, exactly as the reference kernels do.
 */
public final class Conv2D {

  private Conv2D() {}

  /**
   * The channel rule for {@link ConvParams#of}: an OHWI filter {@code [outC, kH, kW, inC / groups]}
   * whose groups divide both channel counts; gives {@code inC / groups}.
   *
   * @throws IllegalArgumentException when the filter does not fit the channels
   */
  public static int filterInC(int[] inputShape, int[] filterShape, int[] outputShape) {
    int inC = inputShape[3];
    int filterInC = filterShape[3];
    int outC = outputShape[3];
    // Grouped convolution: inC / filterInC groups, each producing outC / groups channels.
    if (filterShape[0] != outC
        || inC <= 0
        || filterInC <= 0
        || inC % filterInC != 0
        || outC % (inC / filterInC) != 0) {
      throw new IllegalArgumentException(
          "filter "
              + Arrays.toString(filterShape)
              + " does not fit "
              + inC
              + " input and "
              + outC
              + " output channels: it must be [outC, kH, kW, inC / groups], groups dividing both");
    }
    return filterInC;
  }

  /** Float eval; {@code bias} may be null. */
  public static void evalFloat(
      ConvParams p, float[] in, float[] filter, float[] bias, float[] out) {
    int fic = p.filterInC();
    forEachOutputChannel(
        p,
        (oc, inBases, taps, count, groupBase, filterBase, outBase) -> {
          float total = 0f;
          for (int t = 0; t < count; t++) {
            // Accumulates into the running total, so the float sum keeps TFLM's order.
            total = dot(total, in, inBases[t] + groupBase, filter, filterBase + taps[t] * fic, fic);
          }
          float v = total + (bias != null ? bias[oc] : 0f);
          out[outBase + oc] = Activation.clamp(v, p.floatMin(), p.floatMax());
        });
  }

  /** Int8 eval; {@code bias} may be null. */
  public static void evalInt8(ConvParams p, byte[] in, byte[] filter, int[] bias, byte[] out) {
    int inOff = p.inputOffset();
    int fic = p.filterInC();
    forEachOutputChannel(
        p,
        (oc, inBases, taps, count, groupBase, filterBase, outBase) -> {
          int acc = bias != null ? bias[oc] : 0;
          for (int t = 0; t < count; t++) {
            acc += dot(in, inBases[t] + groupBase, inOff, filter, filterBase + taps[t] * fic, fic);
          }
          out[outBase + oc] = p.requantize(acc, oc);
        });
  }

  /**
   * 16x8 eval (int16 input and output, int8 filter) with an int64 bias (may be null), as TFLM's
   * {@code ConvPerChannel<int64_t>}: no input or output offset, int64 accumulators.
   */
  public static void evalInt16(ConvParams p, short[] in, byte[] filter, long[] bias, short[] out) {
    evalInt16(
        p, in, filter, out, (sum, oc) -> p.requantize16(bias != null ? sum + bias[oc] : sum, oc));
  }

  /**
   * 16x8 eval with an int32 bias (may be null), as TFLM's {@code ConvPerChannel<int32_t>}: int32
   * accumulators and the 32-bit multiplier.
   */
  public static void evalInt16Int32Bias(
      ConvParams p, short[] in, byte[] filter, int[] bias, short[] out) {
    evalInt16(
        p,
        in,
        filter,
        out,
        (sum, oc) -> {
          // Truncating the int64 sum gives exactly the wrapped int32 sum TFLM accumulates.
          int acc = (int) sum;
          return p.requantize16(bias != null ? acc + bias[oc] : acc, oc);
        });
  }

  /** Adds the bias to one output channel's filter sum and requantizes it. */
  @FunctionalInterface
  private interface Int16Output {
    short finish(long sum, int oc);
  }

  /** The 16x8 loop: per output pixel and channel, the filter sum over the taps in the image. */
  private static void evalInt16(
      ConvParams p, short[] in, byte[] filter, short[] out, Int16Output output) {
    int fic = p.filterInC();
    forEachOutputChannel(
        p,
        (oc, inBases, taps, count, groupBase, filterBase, outBase) -> {
          long acc = 0;
          for (int t = 0; t < count; t++) {
            acc += dot(in, inBases[t] + groupBase, filter, filterBase + taps[t] * fic, fic);
          }
          out[outBase + oc] = output.finish(acc, oc);
        });
  }

  /** {@code total} plus the products of {@code n} inputs and filter values, added in order. */
  private static float dot(float total, float[] in, int inBase, float[] f, int fBase, int n) {
    float sum = total;
    for (int i = 0; i < n; i++) {
      sum += in[inBase + i] * f[fBase + i];
    }
    return sum;
  }

  /** The sum of {@code n} products of offset int8 inputs and filter values. */
  private static int dot(byte[] in, int inBase, int inOff, byte[] f, int fBase, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += f[fBase + i] * (in[inBase + i] + inOff);
    }
    return sum;
  }

  /** The int64 sum of {@code n} products of int16 inputs and int8 filter values. */
  private static long dot(short[] in, int inBase, byte[] f, int fBase, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += f[fBase + i] * in[inBase + i];
    }
    return sum;
  }

  /**
   * One output channel of one output pixel of the reference loops.
   *
   * <p>{@code groupBase} is where the channel's group starts within an input pixel, {@code
   * filterBase} where the channel's filter starts; tap {@code t}'s input pixel starts at {@code
   * inBases[t]} and its filter row at {@code filterBase + taps[t] * filterInC}.
   */
  @FunctionalInterface
  private interface OutputChannel {
    void compute(
        int oc, int[] inBases, int[] taps, int count, int groupBase, int filterBase, int outBase);
  }

  /** Runs {@code channel} for every output pixel and channel, in TFLM's reference order. */
  private static void forEachOutputChannel(ConvParams p, OutputChannel channel) {
    int fic = p.filterInC();
    int filtersPerGroup = p.outC() / (p.inC() / fic);
    int filterSize = p.kH() * p.kW() * fic;
    p.forEachPixel(
        (inBases, taps, count, outBase) -> {
          for (int oc = 0; oc < p.outC(); oc++) {
            channel.compute(
                oc, inBases, taps, count, (oc / filtersPerGroup) * fic, oc * filterSize, outBase);
          }
        });
  }

  /**
   * Reorders an OHWI filter (one group) to {@code [kH][kW][inC][outC]} and widens it to int, so
   * that eval can accumulate all output channels of a pixel in one vectorizable inner loop. Integer
   * sums are exact in any order, so the result is the same as the reference loop's.
   */
  public static int[] transposeFilter(ConvParams p, byte[] filter) {
    if (p.filterInC() != p.inC()) {
      throw new IllegalArgumentException("grouped convolutions keep the reference layout");
    }
    int outC = p.outC();
    int taps = p.kH() * p.kW() * p.filterInC();
    int[] t = new int[taps * outC];
    for (int oc = 0; oc < outC; oc++) {
      for (int k = 0; k < taps; k++) {
        t[k * outC + oc] = filter[oc * taps + k];
      }
    }
    return t;
  }

  /**
   * Int8 eval with a filter from {@link #transposeFilter}: per output pixel, every output channel
   * accumulates in {@code acc} (a scratch of {@code outC} ints) tap by tap.
   */
  public static void evalInt8Transposed(
      ConvParams p, byte[] in, int[] filterT, int[] bias, byte[] out, int[] acc) {
    int outC = p.outC();
    int inC = p.inC();
    int inOff = p.inputOffset();
    p.forEachPixel(
        (inBases, taps, count, outBase) -> {
          p.initAccumulators(acc, bias);
          for (int t = 0; t < count; t++) {
            int inBase = inBases[t];
            int fBase = taps[t] * inC * outC;
            for (int ic = 0; ic < inC; ic++) {
              int x = in[inBase + ic] + inOff;
              int f = fBase + ic * outC;
              for (int oc = 0; oc < outC; oc++) {
                acc[oc] += filterT[f + oc] * x;
              }
            }
          }
          p.storeInt8(acc, out, outBase);
        });
  }
}
