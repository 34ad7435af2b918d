package dev.tinyml.ops.kernels;

import java.util.function.IntUnaryOperator;

/**
 * SVDF (singular value decomposition filter), float32 and int8 with an int16 or int8 activation
 * state, as TFLM's {@code EvalIntegerSvdfReference}/{@code EvalFloatSvdfReference}: the state
 * shifts left by one time step, the feature weights project the input into the newest column, the
 * time weights reduce each filter's memory, ranks are summed per unit, the bias is added and the
 * result is rescaled. The int8 path applies no fused activation beyond the int8 clamp, as TFLM.
 */
public final class Svdf {

  private Svdf() {}

  /**
   * Parameters.
   *
   * @param batches N
   * @param inputSize input features
   * @param filters feature-weight rows (units * rank)
   * @param units output features
   * @param rank filters per unit
   * @param memory time steps kept in the state
   * @param inputZeroPoint input zero point
   * @param stateZeroPoint state zero point
   * @param outputZeroPoint output zero point
   * @param scale1Multiplier significand of input * featureWeights / state scale
   * @param scale1Shift its exponent
   * @param scale2Multiplier significand of state * timeWeights / output scale
   * @param scale2Shift its exponent
   * @param stateMin lowest state value (int16 or int8 range)
   * @param stateMax highest state value
   * @param floatMin float activation clamp low
   * @param floatMax float activation clamp high
   */
  public record Plan(
      int batches,
      int inputSize,
      int filters,
      int units,
      int rank,
      int memory,
      int inputZeroPoint,
      int stateZeroPoint,
      int outputZeroPoint,
      int scale1Multiplier,
      int scale1Shift,
      int scale2Multiplier,
      int scale2Shift,
      int stateMin,
      int stateMax,
      float floatMin,
      float floatMax) {

    /** Ints of scratch eval needs: one per filter plus one per unit, per batch. */
    public int scratchSize() {
      return batches * (filters + units);
    }
  }

  /** Float plan. */
  public static Plan prepareFloat(
      int batches, int inputSize, int filters, int rank, int memory, Activation act) {
    return new Plan(
        batches,
        inputSize,
        filters,
        filters / rank,
        rank,
        memory,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        act.floatMin(),
        act.floatMax());
  }

  /** Int8 plan; the two effective scales are formed in float, as TFLM does. */
  public static Plan prepareInt8(
      int batches,
      int inputSize,
      int filters,
      int rank,
      int memory,
      float inputScale,
      int inputZeroPoint,
      float featureScale,
      float timeScale,
      float stateScale,
      int stateZeroPoint,
      boolean int16State,
      float outputScale,
      int outputZeroPoint) {
    FixedPoint.Multiplier s1 =
        FixedPoint.quantizeMultiplier((double) (inputScale * featureScale / stateScale));
    FixedPoint.Multiplier s2 =
        FixedPoint.quantizeMultiplier((double) (stateScale * timeScale / outputScale));
    return new Plan(
        batches,
        inputSize,
        filters,
        filters / rank,
        rank,
        memory,
        inputZeroPoint,
        stateZeroPoint,
        outputZeroPoint,
        s1.multiplier(),
        s1.shift(),
        s2.multiplier(),
        s2.shift(),
        int16State ? -32768 : -128,
        int16State ? 32767 : 127,
        0f,
        0f);
  }

  /**
   * Int8 eval; the time weights and the state are both {@code short[]} (int16 state) or both {@code
   * byte[]} (int8 state).
   *
   * @throws IllegalArgumentException when the time weights and state are not such a pair
   */
  public static void evalInt8(
      Plan p,
      byte[] in,
      byte[] featureWeights,
      Object timeWeights,
      int[] bias,
      Object state,
      byte[] out,
      int[] scratch) {
    IntUnaryOperator weight;
    IntUnaryOperator read;
    IntStore write;
    if (timeWeights instanceof short[] w16 && state instanceof short[] s16) {
      weight = i -> w16[i];
      read = i -> s16[i];
      write = (i, v) -> s16[i] = (short) v;
    } else if (timeWeights instanceof byte[] w8 && state instanceof byte[] s8) {
      weight = i -> w8[i];
      read = i -> s8[i];
      write = (i, v) -> s8[i] = (byte) v;
    } else {
      throw new IllegalArgumentException(
          "SVDF int8 needs time weights and state both int16 or both int8, got "
              + timeWeights.getClass().getSimpleName()
              + " and "
              + state.getClass().getSimpleName());
    }
    System.arraycopy(state, 1, state, 0, p.batches() * p.filters() * p.memory() - 1);
    project(p, in, featureWeights, write);
    reduceMemory(p, weight, read, scratch);
    finishInt8(p, bias, out, scratch);
  }

  /** Feature weights times input, rescaled and clamped into each filter's newest state column. */
  private static void project(Plan p, byte[] in, byte[] featureWeights, IntStore state) {
    for (int b = 0; b < p.batches(); b++) {
      for (int r = 0; r < p.filters(); r++) {
        int dot = 0;
        int wBase = r * p.inputSize();
        int inBase = b * p.inputSize();
        for (int c = 0; c < p.inputSize(); c++) {
          dot += featureWeights[wBase + c] * (in[inBase + c] - p.inputZeroPoint());
        }
        dot = FixedPoint.multiplyByQuantizedMultiplier(dot, p.scale1Multiplier(), p.scale1Shift());
        dot = Math.min(Math.max(p.stateMin(), dot), p.stateMax());
        state.set((b * p.filters() + r) * p.memory() + p.memory() - 1, p.stateZeroPoint() + dot);
      }
    }
  }

  /** Time weights times each filter's memory, into {@code scratch[b * filters + i]}. */
  private static void reduceMemory(
      Plan p, IntUnaryOperator timeWeights, IntUnaryOperator state, int[] scratch) {
    for (int b = 0; b < p.batches(); b++) {
      for (int i = 0; i < p.filters(); i++) {
        int acc = 0;
        int tBase = i * p.memory();
        int sBase = (b * p.filters() + i) * p.memory();
        for (int j = 0; j < p.memory(); j++) {
          acc +=
              timeWeights.applyAsInt(tBase + j)
                  * (state.applyAsInt(sBase + j) - p.stateZeroPoint());
        }
        scratch[b * p.filters() + i] = acc;
      }
    }
  }

  private static void finishInt8(Plan p, int[] bias, byte[] out, int[] scratch) {
    int outBase = p.batches() * p.filters();
    for (int b = 0; b < p.batches(); b++) {
      for (int u = 0; u < p.units(); u++) {
        int acc = bias != null ? bias[u] : 0;
        for (int r = 0; r < p.rank(); r++) {
          acc += scratch[b * p.filters() + u * p.rank() + r];
        }
        scratch[outBase + b * p.units() + u] = acc;
      }
    }
    for (int i = 0; i < p.batches() * p.units(); i++) {
      int v =
          FixedPoint.multiplyByQuantizedMultiplier(
                  scratch[outBase + i], p.scale2Multiplier(), p.scale2Shift())
              + p.outputZeroPoint();
      out[i] = (byte) FixedPoint.clampInt8(v);
    }
  }

  /** Float eval; {@code scratch} holds {@link Plan#scratchSize()} floats. */
  public static void evalFloat(
      Plan p,
      float[] in,
      float[] featureWeights,
      float[] timeWeights,
      float[] bias,
      float[] state,
      float[] out,
      float[] scratch) {
    int n = p.batches() * p.filters() * p.memory();
    System.arraycopy(state, 1, state, 0, n - 1);
    for (int b = 0; b < p.batches(); b++) {
      for (int r = 0; r < p.filters(); r++) {
        float dot = 0f;
        for (int c = 0; c < p.inputSize(); c++) {
          dot += featureWeights[r * p.inputSize() + c] * in[b * p.inputSize() + c];
        }
        state[(b * p.filters() + r) * p.memory() + p.memory() - 1] = dot;
      }
    }
    for (int b = 0; b < p.batches(); b++) {
      for (int i = 0; i < p.filters(); i++) {
        float acc = 0f;
        for (int j = 0; j < p.memory(); j++) {
          acc += timeWeights[i * p.memory() + j] * state[(b * p.filters() + i) * p.memory() + j];
        }
        scratch[b * p.filters() + i] = acc;
      }
    }
    for (int b = 0; b < p.batches(); b++) {
      for (int u = 0; u < p.units(); u++) {
        float acc = bias != null ? bias[u] : 0f;
        for (int r = 0; r < p.rank(); r++) {
          acc += scratch[b * p.filters() + u * p.rank() + r];
        }
        out[b * p.units() + u] = Activation.clamp(acc, p.floatMin(), p.floatMax());
      }
    }
  }
}
