package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ArgMinMax;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/** ARG_MAX and ARG_MIN of a float32 or int8 tensor along a constant axis, INT32 output. */
public final class ArgMinMaxOp implements Op<ArgMinMaxOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared op.
   *
   * @param kernel the kernel plan
   * @param type the input's element type
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(ArgMinMax.Plan kernel, TensorType type, int input, int output)
      implements OpPlan {}

  private final boolean max;

  /** ARG_MAX when {@code max}, else ARG_MIN. */
  public ArgMinMaxOp(boolean max) {
    this.max = max;
  }

  @Override
  public BuiltinOperator builtin() {
    return max ? BuiltinOperator.ARG_MAX : BuiltinOperator.ARG_MIN;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of(max ? "AddArgMax" : "AddArgMin");
  }

  @Override
  public int maxVersion() {
    return 2;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if ((in.type() != TensorType.FLOAT32 && in.type() != TensorType.INT8)
        || out.type() != TensorType.INT32) {
      throw c.unsupportedTypes();
    }
    ArgMinMax.Plan p;
    try {
      p = ArgMinMax.plan(in.shape(), OpInputs.constantInt(c, 1, "axis"));
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, in.type(), c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    int[] out = (int[]) t[p.output()];
    if (p.type() == TensorType.FLOAT32) {
      ArgMinMax.eval(p.kernel(), max, (float[]) t[p.input()], out);
    } else {
      ArgMinMax.eval(p.kernel(), max, (byte[]) t[p.input()], out);
    }
  }

  /** {@code TfLiteArgMaxParams} and {@code TfLiteArgMinParams}: one TfLiteType enum. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return abi.shortEnums() ? new CStruct(1, 1) : new CStruct(4, 4);
  }

  /** The input is an int8 activation; the output, an index, keeps its integer type. */
  @Override
  public boolean quantizesOutputs() {
    return false;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
