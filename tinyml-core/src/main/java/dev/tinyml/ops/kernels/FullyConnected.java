package dev.tinyml.ops.kernels;

/**
 * FULLY_CONNECTED: {@code out[b][o] = act(sum_d in[b][d] * w[o][d] + bias[o])}, float32, int8 with
 * int32 bias, or 16x8 (int16 activations, int8 weights, int64 or int32 bias), with per-tensor or
 * per-channel weight scales (TFLM's {@code FullyConnected} and {@code FullyConnectedPerChannel}).
 */
public final class FullyConnected {

  private FullyConnected() {}

  /**
   * Everything eval needs, computed once.
   *
   * @param batches rows of the input
   * @param accumDepth input features per row (last weight dimension)
   * @param outputDepth output features per row
   * @param inputOffset minus the input zero point
   * @param filterOffset minus the weight zero point
   * @param outputOffset the output zero point
   * @param multipliers per-output multipliers (int8 only; null for float)
   * @param actMin quantized clamp low
   * @param actMax quantized clamp high
   * @param floatMin float clamp low
   * @param floatMax float clamp high
   */
  public record Plan(
      int batches,
      int accumDepth,
      int outputDepth,
      int inputOffset,
      int filterOffset,
      int outputOffset,
      ChannelMultipliers multipliers,
      int actMin,
      int actMax,
      float floatMin,
      float floatMax) {}

  /** Float plan. */
  public static Plan prepareFloat(
      int outputElements, int accumDepth, int outputDepth, Activation act) {
    return new Plan(
        outputElements / outputDepth,
        accumDepth,
        outputDepth,
        0,
        0,
        0,
        null,
        0,
        0,
        act.floatMin(),
        act.floatMax());
  }

  /**
   * Int8 or 16x8 plan (int16 activations, int8 weights); {@code multipliers} from {@link
   * ChannelMultipliers}. Both share the arithmetic and differ only in the output's clamp range.
   *
   * @param qmin lowest value of the output type
   * @param qmax highest value of the output type
   */
  public static Plan prepareQuantized(
      int outputElements,
      int accumDepth,
      int outputDepth,
      int inputZeroPoint,
      int filterZeroPoint,
      float outputScale,
      int outputZeroPoint,
      ChannelMultipliers multipliers,
      Activation act,
      int qmin,
      int qmax) {
    int[] range = act.quantizedRange(outputScale, outputZeroPoint, qmin, qmax);
    return new Plan(
        outputElements / outputDepth,
        accumDepth,
        outputDepth,
        -inputZeroPoint,
        -filterZeroPoint,
        outputZeroPoint,
        multipliers,
        range[0],
        range[1],
        0f,
        0f);
  }

  /** Float eval; {@code bias} may be null. */
  public static void evalFloat(Plan p, float[] in, float[] w, float[] bias, float[] out) {
    int depth = p.accumDepth();
    forEachOutput(
        p,
        (o, inBase, wBase, index) -> {
          float total = 0f;
          for (int d = 0; d < depth; d++) {
            total += in[inBase + d] * w[wBase + d];
          }
          float v = total + (bias != null ? bias[o] : 0f);
          out[index] = Activation.clamp(v, p.floatMin(), p.floatMax());
        });
  }

  /** Int8 eval; {@code bias} may be null. */
  public static void evalInt8(Plan p, byte[] in, byte[] w, int[] bias, byte[] out) {
    int depth = p.accumDepth();
    int inOff = p.inputOffset();
    int fOff = p.filterOffset();
    forEachOutput(
        p,
        (o, inBase, wBase, index) -> {
          int acc = 0;
          if (fOff == 0) {
            for (int d = 0; d < depth; d++) {
              acc += w[wBase + d] * (in[inBase + d] + inOff);
            }
          } else {
            for (int d = 0; d < depth; d++) {
              acc += (w[wBase + d] + fOff) * (in[inBase + d] + inOff);
            }
          }
          out[index] = (byte) requantize(p, bias != null ? acc + bias[o] : acc, o);
        });
  }

  /**
   * 16x8 eval with an int64 bias (may be null): int64 accumulators and TFLite's 64-bit {@code
   * MultiplyByQuantizedMultiplier}, as TFLM's {@code FullyConnected<int16_t, int8_t, int16_t,
   * int64_t>}.
   */
  public static void evalInt16(Plan p, short[] in, byte[] w, long[] bias, short[] out) {
    forEachOutput(
        p,
        (o, inBase, wBase, index) -> {
          long acc = dotInt16(p, in, inBase, w, wBase);
          out[index] = (short) requantize(p, bias != null ? acc + bias[o] : acc, o);
        });
  }

  /**
   * 16x8 eval with an int32 bias (may be null): TFLM then accumulates in int32 and rescales with
   * the 32-bit {@code MultiplyByQuantizedMultiplier}.
   */
  public static void evalInt16Int32Bias(Plan p, short[] in, byte[] w, int[] bias, short[] out) {
    forEachOutput(
        p,
        (o, inBase, wBase, index) -> {
          // Truncating the int64 sum gives exactly the wrapped int32 sum TFLM accumulates.
          int acc = (int) dotInt16(p, in, inBase, w, wBase);
          out[index] = (short) requantize(p, bias != null ? acc + bias[o] : acc, o);
        });
  }

  /** One output of a plan: its channel, the row starts in input and weights, its output index. */
  @FunctionalInterface
  private interface Output {
    void compute(int o, int inBase, int wBase, int index);
  }

  /** Calls {@code output} for every output of every batch row, in output order. */
  private static void forEachOutput(Plan p, Output output) {
    int depth = p.accumDepth();
    for (int b = 0; b < p.batches(); b++) {
      int inBase = b * depth;
      for (int o = 0; o < p.outputDepth(); o++) {
        output.compute(o, inBase, o * depth, o + p.outputDepth() * b);
      }
    }
  }

  /** The offset int16 x int8 dot product of one input row with one weight row. */
  private static long dotInt16(Plan p, short[] in, int inBase, byte[] w, int wBase) {
    int inOff = p.inputOffset();
    int fOff = p.filterOffset();
    long acc = 0;
    for (int d = 0; d < p.accumDepth(); d++) {
      acc += (w[wBase + d] + fOff) * (in[inBase + d] + inOff);
    }
    return acc;
  }

  /** Rescales an int32 accumulator of output {@code o} and clamps it to the activation range. */
  private static int requantize(Plan p, int acc, int o) {
    ChannelMultipliers m = p.multipliers();
    int v = FixedPoint.multiplyByQuantizedMultiplier(acc, m.multiplier()[o], m.shift()[o]);
    return Math.min(Math.max(v + p.outputOffset(), p.actMin()), p.actMax());
  }

  /** Rescales an int64 accumulator of output {@code o} and clamps it to the activation range. */
  private static int requantize(Plan p, long acc, int o) {
    ChannelMultipliers m = p.multipliers();
    int v = FixedPoint.multiplyByQuantizedMultiplier(acc, m.multiplier()[o], m.shift()[o]);
    return Math.min(Math.max(v + p.outputOffset(), p.actMin()), p.actMax());
  }
}
