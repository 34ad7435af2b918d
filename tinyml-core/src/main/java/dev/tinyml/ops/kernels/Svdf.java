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
   * The sizes: the input is {@code [batches, inputSize]}, the feature weights {@code [filters,
   * inputSize]}, the time weights {@code [filters, memory]}, the state {@code batches * filters *
   * memory} and the output {@code [batches, units]}.
   *
   * @param batches N
   * @param inputSize input features
   * @param filters feature-weight rows (units * rank)
   * @param rank filters per unit
   * @param memory time steps kept in the state
   */
  public record Geometry(int batches, int inputSize, int filters, int rank, int memory) {

    /** Output features: {@code filters / rank}. */
    public int units() {
      return filters / rank;
    }

    /** Elements of the activation state: {@code batches * filters * memory}. */
    public int stateSize() {
      return batches * filters * memory;
    }

    /** Elements of the output: {@code batches * units}. */
    public int outputSize() {
      return batches * units();
    }
  }

  /**
   * Parameters.
   *
   * @param geometry the sizes
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
      Geometry geometry,
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
      return geometry.batches() * (geometry.filters() + geometry.units());
    }
  }

  /** Float plan. */
  public static Plan prepareFloat(Geometry geometry, Activation act) {
    return new Plan(geometry, 0, 0, 0, 0, 0, 0, 0, 0, 0, act.floatMin(), act.floatMax());
  }

  /** Int8 plan; the two effective scales are formed in float, as TFLM does. */
  public static Plan prepareInt8(
      Geometry geometry,
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
        geometry,
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
    System.arraycopy(state, 1, state, 0, p.geometry().stateSize() - 1);
    project(p, in, featureWeights, write);
    reduceMemory(p, weight, read, scratch);
    finishInt8(p, bias, out, scratch);
  }

  /** Feature weights times input, rescaled and clamped into each filter's newest state column. */
  private static void project(Plan p, byte[] in, byte[] featureWeights, IntStore state) {
    Geometry g = p.geometry();
    for (int b = 0; b < g.batches(); b++) {
      for (int r = 0; r < g.filters(); r++) {
        int dot = 0;
        int wBase = r * g.inputSize();
        int inBase = b * g.inputSize();
        for (int c = 0; c < g.inputSize(); c++) {
          dot += featureWeights[wBase + c] * (in[inBase + c] - p.inputZeroPoint());
        }
        dot = FixedPoint.multiplyByQuantizedMultiplier(dot, p.scale1Multiplier(), p.scale1Shift());
        dot = Math.min(Math.max(p.stateMin(), dot), p.stateMax());
        state.set((b * g.filters() + r) * g.memory() + g.memory() - 1, p.stateZeroPoint() + dot);
      }
    }
  }

  /** Time weights times each filter's memory, into {@code scratch[b * filters + i]}. */
  private static void reduceMemory(
      Plan p, IntUnaryOperator timeWeights, IntUnaryOperator state, int[] scratch) {
    Geometry g = p.geometry();
    for (int b = 0; b < g.batches(); b++) {
      for (int i = 0; i < g.filters(); i++) {
        int acc = 0;
        int tBase = i * g.memory();
        int sBase = (b * g.filters() + i) * g.memory();
        for (int j = 0; j < g.memory(); j++) {
          acc +=
              timeWeights.applyAsInt(tBase + j)
                  * (state.applyAsInt(sBase + j) - p.stateZeroPoint());
        }
        scratch[b * g.filters() + i] = acc;
      }
    }
  }

  private static void finishInt8(Plan p, int[] bias, byte[] out, int[] scratch) {
    Geometry g = p.geometry();
    int units = g.units();
    int outBase = g.batches() * g.filters();
    for (int b = 0; b < g.batches(); b++) {
      for (int u = 0; u < units; u++) {
        int acc = bias != null ? bias[u] : 0;
        for (int r = 0; r < g.rank(); r++) {
          acc += scratch[b * g.filters() + u * g.rank() + r];
        }
        scratch[outBase + b * units + u] = acc;
      }
    }
    for (int i = 0; i < g.outputSize(); i++) {
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
    Geometry g = p.geometry();
    int units = g.units();
    System.arraycopy(state, 1, state, 0, g.stateSize() - 1);
    for (int b = 0; b < g.batches(); b++) {
      for (int r = 0; r < g.filters(); r++) {
        float dot = 0f;
        for (int c = 0; c < g.inputSize(); c++) {
          dot += featureWeights[r * g.inputSize() + c] * in[b * g.inputSize() + c];
        }
        state[(b * g.filters() + r) * g.memory() + g.memory() - 1] = dot;
      }
    }
    for (int b = 0; b < g.batches(); b++) {
      for (int i = 0; i < g.filters(); i++) {
        float acc = 0f;
        for (int j = 0; j < g.memory(); j++) {
          acc += timeWeights[i * g.memory() + j] * state[(b * g.filters() + i) * g.memory() + j];
        }
        scratch[b * g.filters() + i] = acc;
      }
    }
    for (int b = 0; b < g.batches(); b++) {
      for (int u = 0; u < units; u++) {
        float acc = bias != null ? bias[u] : 0f;
        for (int r = 0; r < g.rank(); r++) {
          acc += scratch[b * g.filters() + u * g.rank() + r];
        }
        out[b * units + u] = Activation.clamp(acc, p.floatMin(), p.floatMax());
      }
    }
  }
}
