package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Svdf;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.SVDFOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** SVDF: float32, or int8 with an int16 or int8 activation state. */
public final class SvdfOp extends BuiltinOp<SvdfOp.Plan> implements TflmFootprint {

  /** Which loop runs the SVDF. */
  public enum Kernel {
    /** {@link Svdf#evalFloat}. */
    FLOAT,
    /** {@link Svdf#evalInt8} with int16 time weights and state. */
    INT8_INT16_STATE,
    /** {@link Svdf#evalInt8} with int8 time weights and state. */
    INT8_INT8_STATE
  }

  /**
   * A prepared SVDF.
   *
   * @param svdf sizes, multipliers and offsets
   * @param kernel the loop that runs it
   * @param input input tensor index
   * @param featureWeights feature weights tensor index
   * @param timeWeights time weights tensor index
   * @param bias bias tensor index, -1 when absent
   * @param state activation state (variable) tensor index
   * @param output output tensor index
   */
  public record Plan(
      Svdf.Plan svdf,
      Kernel kernel,
      int input,
      int featureWeights,
      int timeWeights,
      int bias,
      int state,
      int output)
      implements OpPlan {
    @Override
    public int scratchInts() {
      return kernel == Kernel.FLOAT ? 0 : svdf.scratchSize();
    }

    @Override
    public int scratchFloats() {
      return kernel == Kernel.FLOAT ? svdf.scratchSize() : 0;
    }
  }

  /** The op. */
  public SvdfOp() {
    super(BuiltinOperator.SVDF, 4, "AddSvdf");
  }

  @Override
  public Plan prepare(OpContext c) {
    SVDFOptions o = c.options(SVDFOptions.class);
    Tensor in = c.input(0);
    Tensor wf = c.input(1);
    Tensor wt = c.input(2);
    Tensor state = c.input(4);
    Tensor out = c.output(0);
    if (!state.isVariable()) {
      throw c.fail("activation state " + OpContext.describe(state) + " must be a variable tensor");
    }
    c.requireRank(in, 2, "input");
    c.requireRank(wf, 2, "feature weights");
    c.requireRank(wt, 2, "time weights");
    int rank = o.rank();
    Svdf.Geometry g =
        new Svdf.Geometry(in.shape()[0], in.shape()[1], wf.shape()[0], rank, wt.shape()[1]);
    if (!fits(g, wf, wt, state, out)) {
      throw c.fail(
          "inconsistent SVDF shapes: input "
              + OpContext.describe(in)
              + ", feature weights "
              + OpContext.describe(wf)
              + ", time weights "
              + OpContext.describe(wt)
              + ", state "
              + OpContext.describe(state)
              + ", output "
              + OpContext.describe(out)
              + ", rank "
              + rank);
    }
    int bi = c.in(3);
    if (in.type() == TensorType.FLOAT32
        && wf.type() == TensorType.FLOAT32
        && wt.type() == TensorType.FLOAT32
        && state.type() == TensorType.FLOAT32
        && out.type() == TensorType.FLOAT32) {
      c.checkBias(3, TensorType.FLOAT32, g.units());
      Svdf.Plan p = Svdf.prepareFloat(g, c.activation(o.fusedActivation()));
      return plan(c, p, Kernel.FLOAT);
    }
    c.requireHybridFree(in, wf);
    boolean int16 = wt.type() == TensorType.INT16 && state.type() == TensorType.INT16;
    boolean int8 = wt.type() == TensorType.INT8 && state.type() == TensorType.INT8;
    if (in.type() == TensorType.INT8
        && wf.type() == TensorType.INT8
        && out.type() == TensorType.INT8
        && (int16 || int8)
        && (bi < 0 || c.tensor(bi).type() == TensorType.INT32)) {
      c.checkBias(3, TensorType.INT32, g.units());
      Svdf.Plan p =
          Svdf.prepareInt8(
              g,
              c.scale(in),
              c.zeroPoint(in),
              c.scale(wf),
              c.scale(wt),
              c.scale(state),
              c.zeroPoint(state),
              int16,
              c.scale(out),
              c.zeroPoint(out));
      return plan(c, p, int16 ? Kernel.INT8_INT16_STATE : Kernel.INT8_INT8_STATE);
    }
    throw c.unsupportedTypes();
  }

  /**
   * Whether the rank is positive and divides the filters, and the weights, the state and the output
   * have the sizes of {@code g} (read from the input and the weights' leading dimensions).
   */
  private static boolean fits(Svdf.Geometry g, Tensor wf, Tensor wt, Tensor state, Tensor out) {
    return g.rank() > 0
        && g.filters() % g.rank() == 0
        && wf.shape()[1] == g.inputSize()
        && wt.shape()[0] == g.filters()
        && state.elementCount() == g.stateSize()
        && out.elementCount() == g.outputSize();
  }

  private static Plan plan(OpContext c, Svdf.Plan p, Kernel kernel) {
    return new Plan(p, kernel, c.in(0), c.in(1), c.in(2), c.in(3), c.in(4), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    int b = p.bias();
    switch (p.kernel()) {
      case FLOAT ->
          Svdf.evalFloat(
              p.svdf(),
              (float[]) t[p.input()],
              (float[]) t[p.featureWeights()],
              (float[]) t[p.timeWeights()],
              b < 0 ? null : (float[]) t[b],
              (float[]) t[p.state()],
              (float[]) t[p.output()],
              s.floats());
      case INT8_INT16_STATE, INT8_INT8_STATE -> {
        byte[] in = (byte[]) t[p.input()];
        byte[] wf = (byte[]) t[p.featureWeights()];
        int[] bias = b < 0 ? null : (int[]) t[b];
        byte[] out = (byte[]) t[p.output()];
        Svdf.evalInt8(p.svdf(), in, wf, t[p.timeWeights()], bias, t[p.state()], out, s.ints());
      }
    }
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(abi.byEnums(new CStruct(8, 4), new CStruct(12, 4)), 36);
  }

  /** The int32 state products of every filter, and for int8 the int32 outputs per unit. */
  @Override
  public int[] scratchRequests(OpNode node) {
    int rank = node.options() instanceof SVDFOptions o ? o.rank() : 0;
    if (rank <= 0) {
      throw new IllegalArgumentException("has no positive rank.");
    }
    Tensor[] inputs = node.requireInputs("its input or feature weights", 0, 1);
    Tensor in = inputs[0];
    Tensor weightsFeature = inputs[1];
    int batch = in.shape()[0];
    int filters = weightsFeature.shape()[0];
    int units = filters / rank;
    return in.type() == TensorType.INT8
        ? new int[] {batch * filters * 4, batch * units * 4}
        : new int[] {batch * filters * 4};
  }

  /** {@code batch*filters*(inputSize + memorySize)}. */
  @Override
  public long macs(OpNode node) {
    int[] in = node.inputShape(0);
    int[] wf = node.inputShape(1);
    int[] wt = node.inputShape(2);
    return MacMath.rank(in, 2) && MacMath.rank(wf, 2) && MacMath.rank(wt, 2)
        ? MacMath.mul(in[0], wf[0], (long) wf[1] + wt[1])
        : 0;
  }
}
