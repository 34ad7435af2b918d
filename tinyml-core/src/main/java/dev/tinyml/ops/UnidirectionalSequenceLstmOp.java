package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Lstm;
import dev.tinyml.ops.kernels.LstmFloat;
import dev.tinyml.ops.kernels.SequenceShape;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.UnidirectionalSequenceLSTMOptions;
import java.util.Arrays;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM in float32, and the int8 variant with an int16 cell state and
 * constant, symmetric, per-tensor gate weights (no peephole, projection, layer norm or CIFG).
 */
public final class UnidirectionalSequenceLstmOp
    extends BuiltinOp<UnidirectionalSequenceLstmOp.LstmPlan> implements TflmFootprint {

  /** A prepared LSTM of either type: the tensors both kernels take. */
  public sealed interface LstmPlan extends OpPlan permits Plan, FloatPlan {
    /** Input tensor index. */
    int input();

    /** Hidden state (variable) tensor index. */
    int hidden();

    /** Cell state (variable) tensor index. */
    int cell();

    /** Output tensor index. */
    int output();
  }

  /**
   * A prepared float32 LSTM.
   *
   * @param lstm sizes, options and the constant weights
   * @param input input tensor index
   * @param hidden hidden state (variable) tensor index
   * @param cell cell state (variable) tensor index
   * @param output output tensor index
   */
  public record FloatPlan(LstmFloat.Plan lstm, int input, int hidden, int cell, int output)
      implements LstmPlan {
    @Override
    public int scratchFloats() {
      return lstm.scratchSize();
    }
  }

  /** The op's inputs per gate (forget, input, cell, output): input weights at these indices. */
  private static final int[] GATE_INPUT_WEIGHTS = {2, 1, 3, 4};

  /**
   * A prepared LSTM.
   *
   * @param lstm sizes, gate multipliers and the cell clip
   * @param inputWeights the constant input weights per gate (forget, input, cell, output)
   * @param recurrentWeights the constant recurrent weights per gate
   * @param bias the constant bias per gate
   * @param input input tensor index
   * @param hidden hidden state (variable) tensor index
   * @param cell cell state (variable) tensor index
   * @param output output tensor index
   */
  public record Plan(
      Lstm.Plan lstm,
      byte[][] inputWeights,
      byte[][] recurrentWeights,
      int[][] bias,
      int input,
      int hidden,
      int cell,
      int output)
      implements LstmPlan {
    @Override
    public int scratchInts() {
      return lstm.scratchSize();
    }
  }

  /**
   * The op input holding gate {@code gate}'s input weights (gates in {@link Lstm}'s order); its
   * recurrent weights are that input plus 4 and its bias that input plus 11.
   *
   * @param gate {@link Lstm#FORGET}, {@link Lstm#INPUT}, {@link Lstm#CELL} or {@link Lstm#OUTPUT}
   * @return the input index
   */
  public static int gateInputWeights(int gate) {
    return GATE_INPUT_WEIGHTS[gate];
  }

  /** The op. */
  public UnidirectionalSequenceLstmOp() {
    super(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 4, "AddUnidirectionalSequenceLSTM");
  }

  @Override
  public LstmPlan prepare(OpContext c) {
    UnidirectionalSequenceLSTMOptions o = c.options(UnidirectionalSequenceLSTMOptions.class);
    if (c.inputCount() != 24) {
      throw c.fail("expects 24 inputs, has " + c.inputCount());
    }
    for (int i : new int[] {9, 10, 11, 16, 17, 20, 21, 22, 23}) {
      if (c.in(i) >= 0) {
        throw c.fail(
            "input "
                + i
                + " (peephole, projection or layer norm) is set; TFLM supports none of these");
      }
    }
    for (int i : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 18, 19}) {
      c.input(i); // fails with a clear message when a required input is missing
    }
    Tensor in = c.input(0);
    Tensor hidden = c.input(18);
    Tensor cell = c.input(19);
    Tensor out = c.output(0);
    if (!hidden.isVariable() || !cell.isVariable()) {
      throw c.fail(
          "hidden state "
              + OpContext.describe(hidden)
              + " and cell state "
              + OpContext.describe(cell)
              + " must be variable tensors");
    }
    if (in.type() == TensorType.FLOAT32) {
      return floatPlan(c, o, in, hidden, cell, out);
    }
    if (in.type() != TensorType.INT8
        || hidden.type() != TensorType.INT8
        || cell.type() != TensorType.INT16
        || out.type() != TensorType.INT8) {
      throw c.fail(
          "only the float32 LSTM and the int8 LSTM with an int16 cell state are implemented"
              + " (TFLM's int16 variant is not); input "
              + OpContext.describe(in)
              + ", hidden "
              + OpContext.describe(hidden)
              + ", cell "
              + OpContext.describe(cell));
    }
    requireTanhCellGate(c, o);
    SequenceShape shape = shape(c, o, in, hidden);
    float[] inScales = new float[4];
    float[] recScales = new float[4];
    for (int g = 0; g < 4; g++) {
      int w = GATE_INPUT_WEIGHTS[g];
      checkGate(c, w, shape);
      inScales[g] = c.scale(c.input(w));
      recScales[g] = c.scale(c.input(w + 4));
    }
    checkSizes(c, hidden, cell, out, shape);
    Lstm.Plan p =
        Lstm.prepareInt8(
            shape,
            c.scale(in),
            c.zeroPoint(in),
            c.scale(hidden),
            c.zeroPoint(hidden),
            inScales,
            recScales,
            0,
            c.scale(cell),
            o.cellClip(),
            true);
    byte[][] inW = new byte[4][];
    byte[][] recW = new byte[4][];
    int[][] bias = new int[4][];
    for (int g = 0; g < 4; g++) {
      int w = GATE_INPUT_WEIGHTS[g];
      inW[g] = (byte[]) c.requireConstant(w, "input weights");
      recW[g] = (byte[]) c.requireConstant(w + 4, "recurrent weights");
      bias[g] = (int[]) c.requireConstant(w + 11, "gate bias");
    }
    return new Plan(p, inW, recW, bias, c.in(0), c.in(18), c.in(19), c.out(0));
  }

  /**
   * The float32 plan: float input, states, output, weights and biases, the cell gate's tanh or
   * sigmoid, and the cell clip.
   */
  private static FloatPlan floatPlan(
      OpContext c,
      UnidirectionalSequenceLSTMOptions o,
      Tensor in,
      Tensor hidden,
      Tensor cell,
      Tensor out) {
    requireFloat32(
        c,
        "a float32 input needs float32 states and output; hidden %s, cell %s, output %s",
        hidden,
        cell,
        out);
    requireTanhCellGate(c, o);
    if (!(o.cellClip() >= 0) || Float.isInfinite(o.cellClip())) {
      throw c.fail("cell clip must be finite and not negative, got " + o.cellClip());
    }
    SequenceShape shape = shape(c, o, in, hidden);
    checkSizes(c, hidden, cell, out, shape);
    float[][] inW = new float[4][];
    float[][] recW = new float[4][];
    float[][] bias = new float[4][];
    for (int g = 0; g < 4; g++) {
      int w = GATE_INPUT_WEIGHTS[g];
      Tensor wi = c.input(w);
      Tensor wr = c.input(w + 4);
      Tensor b = c.input(w + 11);
      requireFloat32(
          c,
          "a float32 LSTM needs float32 weights and biases; gate weights %s, %s, bias %s"
              + " (hybrid LSTMs with int8 weights are not supported: TFLM has none)",
          wi,
          wr,
          b);
      checkGateSizes(c, wi, wr, b, shape);
      inW[g] = (float[]) c.requireConstant(w, "input weights");
      recW[g] = (float[]) c.requireConstant(w + 4, "recurrent weights");
      bias[g] = (float[]) c.requireConstant(w + 11, "gate bias");
    }
    LstmFloat.Plan p = new LstmFloat.Plan(shape, o.cellClip(), inW, recW, bias);
    return new FloatPlan(p, c.in(0), c.in(18), c.in(19), c.out(0));
  }

  /**
   * Fails unless all of {@code ts} are float32, with {@code format} filled with every tensor's
   * description.
   */
  private static void requireFloat32(OpContext c, String format, Tensor... ts) {
    if (Arrays.stream(ts).anyMatch(t -> t.type() != TensorType.FLOAT32)) {
      throw c.fail(String.format(format, Arrays.stream(ts).map(OpContext::describe).toArray()));
    }
  }

  /**
   * Checks the input's rank and the hidden state's units dimension, then reads the sizes from the
   * rank-3 input and the hidden state's last dimension.
   */
  private static SequenceShape shape(
      OpContext c, UnidirectionalSequenceLSTMOptions o, Tensor in, Tensor hidden) {
    c.requireRank(in, 3, "input");
    int[] hs = hidden.shape();
    if (hs.length == 0) {
      throw c.fail("hidden state " + OpContext.describe(hidden) + " has no units dimension");
    }
    return SequenceShape.of(o.timeMajor(), in.shape(), hs[hs.length - 1]);
  }

  /**
   * Fails unless the cell gate uses tanh: the schema has no sigmoid activation, and TFLM's kernel
   * stops on the others.
   */
  private static void requireTanhCellGate(OpContext c, UnidirectionalSequenceLSTMOptions o) {
    if (o.fusedActivation() != ActivationFunctionType.TANH) {
      throw c.fail("cell gate activation " + o.fusedActivation() + " is not supported (TANH only)");
    }
  }

  /** Fails unless the states hold {@code batches * units} and the output every step's. */
  private static void checkSizes(
      OpContext c, Tensor hidden, Tensor cell, Tensor out, SequenceShape shape) {
    if (hidden.elementCount() != shape.stateSize()
        || cell.elementCount() != shape.stateSize()
        || out.elementCount() != shape.outputSize()) {
      throw c.fail(
          "state or output sizes do not match "
              + shape.batches()
              + " batch(es), "
              + shape.timeSteps()
              + " step(s), "
              + shape.units()
              + " units");
    }
  }

  /**
   * Checks one gate's input weights (input {@code w}), recurrent weights ({@code w + 4}) and bias
   * ({@code w + 11}).
   */
  private static void checkGate(OpContext c, int w, SequenceShape shape) {
    Tensor wi = c.input(w);
    Tensor wr = c.input(w + 4);
    Tensor b = c.input(w + 11);
    if (wi.type() != TensorType.INT8
        || wr.type() != TensorType.INT8
        || b.type() != TensorType.INT32) {
      throw c.unsupportedTypes();
    }
    if (c.scales(wi).length != 1 || c.scales(wr).length != 1) {
      throw c.fail("per-channel LSTM weights are not supported by TFLM's LSTM kernel");
    }
    if (c.zeroPoint(wi) != 0 || c.zeroPoint(wr) != 0) {
      throw c.fail("LSTM weights must be symmetric (zero point 0)");
    }
    checkGateSizes(c, wi, wr, b, shape);
  }

  /** Fails unless a gate's weights are {@code units x inputSize} and {@code units x units}. */
  private static void checkGateSizes(
      OpContext c, Tensor wi, Tensor wr, Tensor b, SequenceShape shape) {
    int inputSize = shape.inputSize();
    int units = shape.units();
    if (wi.elementCount() != units * inputSize
        || wr.elementCount() != units * units
        || b.elementCount() != units) {
      throw c.fail(
          "gate weights "
              + OpContext.describe(wi)
              + ", "
              + OpContext.describe(wr)
              + " or bias "
              + OpContext.describe(b)
              + " do not match input size "
              + inputSize
              + " and "
              + units
              + " units");
    }
  }

  @Override
  public void eval(LstmPlan plan, Object[] t, Scratch s) {
    if (plan instanceof FloatPlan f) {
      LstmFloat.eval(
          f.lstm(),
          (float[]) t[f.input()],
          (float[]) t[f.hidden()],
          (float[]) t[f.cell()],
          (float[]) t[f.output()],
          s.floats());
      return;
    }
    Plan p = (Plan) plan;
    Lstm.evalInt8(
        p.lstm(),
        (byte[]) t[p.input()],
        p.inputWeights(),
        p.recurrentWeights(),
        p.bias(),
        (byte[]) t[p.hidden()],
        (short[]) t[p.cell()],
        (byte[]) t[p.output()],
        s.ints());
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(16, 4), 688);
  }

  /**
   * Four buffers of batch x state cell values; inputs 18 and 19 are the hidden (output) state and
   * the cell state ({@code kLstmOutputStateTensor}, {@code kLstmCellStateTensor}).
   */
  @Override
  public int[] scratchRequests(OpNode node) {
    Tensor[] inputs = node.requireInputs("its input or state tensors", 0, 18, 19);
    Tensor in = inputs[0];
    Tensor hidden = inputs[1];
    Tensor cell = inputs[2];
    boolean timeMajor =
        node.options() instanceof UnidirectionalSequenceLSTMOptions o && o.timeMajor();
    int batch = timeMajor ? in.shape()[1] : in.shape()[0];
    int state = hidden.shape()[1];
    int bytes = batch * state * cell.type().byteSize();
    return new int[] {bytes, bytes, bytes, bytes};
  }

  @Override
  public long macs(OpNode node) {
    return lstmMacs(node);
  }

  /**
   * Time steps times the elements of the input and recurrent weight matrices (also LSTM's estimate,
   * which has no op class).
   */
  static long lstmMacs(OpNode node) {
    int[] in = node.inputShape(0);
    if (in.length == 0 || in[in.length - 1] <= 0) {
      return 0;
    }
    long steps = MacMath.count(in) / in[in.length - 1];
    long weights = 0;
    for (int i = 1; i <= 8; i++) {
      weights = MacMath.add(weights, MacMath.count(node.inputShape(i)));
    }
    return MacMath.mul(steps, weights);
  }
}
