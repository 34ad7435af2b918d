package dev.tinyml.ops.kernels;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM with int8 activations and weights, int32 biases and an int16 cell
 * state, as TFLM's {@code EvalLstm<int8_t, int8_t, int16_t, int32_t>}: each gate is two fully
 * connected layers (input and recurrent) into Q3.12, a saturating int16 sum, and the int16
 * table-interpolated sigmoid/tanh into Q0.15; the cell and hidden updates are int16 multiplies with
 * one quantized multiplier each. No peephole, projection, layer norm or CIFG (TFLM has none).
 */
public final class Lstm {

  private Lstm() {}

  /** Gate order in the plan's arrays. */
  public static final int FORGET = 0;

  /** Input gate. */
  public static final int INPUT = 1;

  /** Cell gate. */
  public static final int CELL = 2;

  /** Output gate. */
  public static final int OUTPUT = 3;

  /**
   * One gate's two fully connected layers, both into int16 Q3.12.
   *
   * @param inputMultiplier input-to-gate significand
   * @param inputShift its exponent
   * @param recurrentMultiplier hidden-to-gate significand
   * @param recurrentShift its exponent
   */
  public record Gate(
      int inputMultiplier, int inputShift, int recurrentMultiplier, int recurrentShift) {}

  /**
   * Parameters.
   *
   * @param shape the sequence's sizes
   * @param inputOffset minus the input zero point
   * @param hiddenOffset minus the hidden-state zero point
   * @param weightOffset minus the weights' zero point
   * @param gates forget, input, cell, output
   * @param cellGateTanh true when the cell gate uses tanh (else sigmoid)
   * @param forgetMultiplier forget-gate times cell significand
   * @param forgetShift its exponent
   * @param inputMulMultiplier input-gate times cell-gate significand
   * @param inputMulShift its exponent
   * @param outputMulMultiplier tanh(cell) times output-gate significand (into the hidden state)
   * @param outputMulShift its exponent
   * @param hiddenZeroPoint hidden-state zero point
   * @param cellScalePower log2 of the cell-state scale
   * @param quantizedCellClip cell clip in cell units, 0 for none
   */
  public record Plan(
      SequenceShape shape,
      int inputOffset,
      int hiddenOffset,
      int weightOffset,
      Gate[] gates,
      boolean cellGateTanh,
      int forgetMultiplier,
      int forgetShift,
      int inputMulMultiplier,
      int inputMulShift,
      int outputMulMultiplier,
      int outputMulShift,
      int hiddenZeroPoint,
      int cellScalePower,
      int quantizedCellClip) {

    /**
     * The input multiplier of the cell's tanh in {@link Int16Activations}' convention: 0 (the
     * power-of-two case, {@code 3 << shift}) when the cell scale is at least 2^-12, else 3.
     */
    public int cellTanhMultiplier() {
      return cellTanhExponent() < 0 ? 3 : 0;
    }

    /** The shift going with {@link #cellTanhMultiplier()}. */
    public int cellTanhShift() {
      return Math.abs(cellTanhExponent());
    }

    /** Q3.12 input scaling of the cell: {@code 15 + log2(cell scale) - 3}. */
    private int cellTanhExponent() {
      return (15 + cellScalePower) - 3;
    }

    /** Ints of scratch eval needs (four int16 buffers). */
    public int scratchSize() {
      return 4 * shape.stepRows() * shape.units();
    }
  }

  private static final float GATE_INPUT_SCALE = 0.000244140625f; // 2^-12
  private static final float GATE_OUTPUT_SCALE = 0.000030517578125f; // 2^-15

  /** The fully connected multiplier into Q3.12: {@code (float) (s_in * s_w) / 2^-12}. */
  public static FixedPoint.Multiplier gateMultiplier(float inputScale, float weightScale) {
    return FixedPoint.quantizeMultiplier(
        (double) (inputScale * weightScale) / (double) GATE_INPUT_SCALE);
  }

  /** {@code CreateInterGateMulParams}: {@code s1 * s2 / s_out} in double. */
  public static FixedPoint.Multiplier mulMultiplier(float s1, float s2, float out) {
    return FixedPoint.quantizeMultiplier((double) s1 * (double) s2 / (double) out);
  }

  /** TFLite's {@code CheckedLog2} rounding of a scale's base-2 logarithm. */
  public static int log2Rounded(float scale) {
    float l = (float) Math.log(scale) * (1.0f / (float) Math.log(2.0f));
    return (int) FixedPoint.roundHalfAway(l);
  }

  /** Builds the int8 plan from the tensors' quantization. */
  public static Plan prepareInt8(
      SequenceShape shape,
      float inputScale,
      int inputZeroPoint,
      float hiddenScale,
      int hiddenZeroPoint,
      float[] inputWeightScales,
      float[] recurrentWeightScales,
      int weightZeroPoint,
      float cellScale,
      float cellClip,
      boolean cellGateTanh) {
    Gate[] gates = new Gate[4];
    for (int g = 0; g < 4; g++) {
      FixedPoint.Multiplier mi = gateMultiplier(inputScale, inputWeightScales[g]);
      FixedPoint.Multiplier mr = gateMultiplier(hiddenScale, recurrentWeightScales[g]);
      gates[g] = new Gate(mi.multiplier(), mi.shift(), mr.multiplier(), mr.shift());
    }
    FixedPoint.Multiplier forget = mulMultiplier(GATE_OUTPUT_SCALE, cellScale, cellScale);
    FixedPoint.Multiplier input = mulMultiplier(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, cellScale);
    FixedPoint.Multiplier output = mulMultiplier(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, hiddenScale);
    int clip =
        (int)
            (short)
                (long)
                    Math.min(Math.max((double) cellClip / (double) cellScale, -32768.0), 32767.0);
    return new Plan(
        shape,
        -inputZeroPoint,
        -hiddenZeroPoint,
        -weightZeroPoint,
        gates,
        cellGateTanh,
        forget.multiplier(),
        forget.shift(),
        input.multiplier(),
        input.shift(),
        output.multiplier(),
        output.shift(),
        hiddenZeroPoint,
        log2Rounded(cellScale),
        clip);
  }

  /**
   * Int8 eval.
   *
   * @param inputWeights input-to-gate weights, indexed by gate
   * @param recurrentWeights hidden-to-gate weights, indexed by gate
   * @param biases gate biases, indexed by gate
   * @param hidden hidden state (updated)
   * @param cell cell state (updated)
   * @param scratch {@link Plan#scratchSize()} ints
   */
  public static void evalInt8(
      Plan p,
      byte[] input,
      byte[][] inputWeights,
      byte[][] recurrentWeights,
      int[][] biases,
      byte[] hidden,
      short[] cell,
      byte[] output,
      int[] scratch) {
    Gates gates = new Gates(p, inputWeights, recurrentWeights, biases, scratch);
    SequenceShape shape = p.shape();
    int size = shape.stepRows() * shape.units();
    int buf0 = 0;
    int buf1 = size;
    int buf2 = 2 * size;
    int inputOffset = 0;
    int outputOffset = 0;
    int stateOffset = 0;
    int outer = shape.timeMajor() ? 1 : shape.batches();
    int inputStep = shape.stepRows() * shape.inputSize();
    for (int b = 0; b < outer; b++) {
      for (int t = 0; t < shape.timeSteps(); t++) {
        gates.eval(FORGET, input, inputOffset, hidden, stateOffset, buf0, false);
        gates.eval(INPUT, input, inputOffset, hidden, stateOffset, buf1, false);
        gates.eval(CELL, input, inputOffset, hidden, stateOffset, buf2, p.cellGateTanh());
        // cell = sat(forget * cell + input * cellGate), then clip
        for (int i = 0; i < size; i++) {
          int c = cell[stateOffset + i];
          int fc = mulInt16(scratch[buf0 + i], c, p.forgetMultiplier(), p.forgetShift(), 0);
          int ic =
              mulInt16(
                  scratch[buf1 + i],
                  scratch[buf2 + i],
                  p.inputMulMultiplier(),
                  p.inputMulShift(),
                  0);
          int sum = FixedPoint.clampInt16(fc + ic);
          if (p.quantizedCellClip() > 0) {
            sum = Math.max(Math.min(p.quantizedCellClip(), sum), -p.quantizedCellClip());
          }
          cell[stateOffset + i] = (short) sum;
        }
        gates.eval(OUTPUT, input, inputOffset, hidden, stateOffset, buf1, false);
        // hidden = tanh(cell) * output gate
        for (int i = 0; i < size; i++) {
          scratch[buf0 + i] = cell[stateOffset + i];
        }
        Int16Activations.tanh(
            p.cellTanhMultiplier(), p.cellTanhShift(), scratch, buf0, scratch, buf0, size);
        for (int i = 0; i < size; i++) {
          int v =
              FixedPoint.multiplyByQuantizedMultiplier(
                      scratch[buf0 + i] * scratch[buf1 + i],
                      p.outputMulMultiplier(),
                      p.outputMulShift())
                  + p.hiddenZeroPoint();
          hidden[stateOffset + i] = (byte) FixedPoint.clampInt8(v);
        }
        System.arraycopy(hidden, stateOffset, output, outputOffset, size);
        inputOffset += inputStep;
        outputOffset += size;
      }
      stateOffset += shape.units();
    }
  }

  private static int mulInt16(int x, int y, int multiplier, int shift, int zeroPoint) {
    return FixedPoint.clampInt16(
        zeroPoint + FixedPoint.multiplyByQuantizedMultiplier(x * y, multiplier, shift));
  }

  /**
   * The four gates' weights and the scratch; the fourth scratch buffer holds the recurrent half of
   * a gate while the input half waits in the gate's own buffer.
   */
  private record Gates(
      Plan p, byte[][] inputWeights, byte[][] recurrentWeights, int[][] biases, int[] scratch) {

    /**
     * One gate: FC(input) + bias, FC(hidden), saturating sum, then sigmoid or tanh, into {@code
     * scratch[out..]}.
     */
    void eval(
        int g,
        byte[] input,
        int inputOffset,
        byte[] hidden,
        int stateOffset,
        int out,
        boolean tanh) {
      Gate gp = p.gates()[g];
      SequenceShape shape = p.shape();
      int rows = shape.stepRows();
      int units = shape.units();
      int n = rows * units;
      int tmp = 3 * n;
      fc(
          input,
          inputOffset,
          shape.inputSize(),
          p.inputOffset(),
          inputWeights[g],
          p.weightOffset(),
          biases[g],
          gp.inputMultiplier(),
          gp.inputShift(),
          rows,
          units,
          scratch,
          out);
      fc(
          hidden,
          stateOffset,
          units,
          p.hiddenOffset(),
          recurrentWeights[g],
          p.weightOffset(),
          null,
          gp.recurrentMultiplier(),
          gp.recurrentShift(),
          rows,
          units,
          scratch,
          tmp);
      for (int i = 0; i < n; i++) {
        scratch[out + i] = FixedPoint.clampInt16(scratch[out + i] + scratch[tmp + i]);
      }
      if (tanh) {
        Int16Activations.tanh(0, 0, scratch, out, scratch, out, n); // cell scale power -12
      } else {
        Int16Activations.logistic(0, 0, scratch, out, n);
      }
    }
  }

  private static void fc(
      byte[] in,
      int inOff,
      int depth,
      int inputOffset,
      byte[] w,
      int weightOffset,
      int[] bias,
      int multiplier,
      int shift,
      int rows,
      int units,
      int[] out,
      int outOff) {
    for (int r = 0; r < rows; r++) {
      int base = inOff + r * depth;
      for (int u = 0; u < units; u++) {
        int wBase = u * depth;
        int acc = 0;
        for (int d = 0; d < depth; d++) {
          acc += (w[wBase + d] + weightOffset) * (in[base + d] + inputOffset);
        }
        if (bias != null) {
          acc += bias[u];
        }
        int v = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift);
        out[outOff + r * units + u] = FixedPoint.clampInt16(v);
      }
    }
  }
}
