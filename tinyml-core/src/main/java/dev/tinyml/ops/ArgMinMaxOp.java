package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ArgMinMax;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What ARG_MAX and ARG_MIN share: a float32 or int8 input reduced along a constant axis to INT32
 * indices; version 2 is the int8 one.
 */
public abstract class ArgMinMaxOp extends BuiltinOp<ArgMinMaxOp.Plan>
    implements TflmFootprint, Int8Rules {

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

  /** The op for {@code builtin}: the index of the largest value when {@code max}, else smallest. */
  ArgMinMaxOp(BuiltinOperator builtin, String resolverMethod, boolean max) {
    super(builtin, 2, resolverMethod);
    this.max = max;
  }

  /** {@code TfLiteArgMaxParams} and {@code TfLiteArgMinParams}: one TfLiteType enum. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(abi.oneEnum());
  }

  @Override
  public final Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if ((in.type() != TensorType.FLOAT32 && in.type() != TensorType.INT8)
        || out.type() != TensorType.INT32) {
      throw c.unsupportedTypes();
    }
    int axis = OpInputs.constantInt(c, 1, "axis");
    ArgMinMax.Plan p = KernelPlans.planned(c, () -> ArgMinMax.plan(in.shape(), axis));
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, in.type(), c.in(0), c.out(0));
  }

  /** Version 2 is the int8 one. */
  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  @Override
  public final void eval(Plan p, Object[] t, Scratch s) {
    int[] out = (int[]) t[p.output()];
    if (p.type() == TensorType.FLOAT32) {
      ArgMinMax.eval(p.kernel(), max, (float[]) t[p.input()], out);
    } else {
      ArgMinMax.eval(p.kernel(), max, (byte[]) t[p.input()], out);
    }
  }

  /** The input is an int8 activation; the output, an index, keeps its integer type. */
  @Override
  public boolean quantizesOutputs() {
    return false;
  }
}
