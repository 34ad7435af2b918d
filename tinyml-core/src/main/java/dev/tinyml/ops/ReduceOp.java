package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Reduction;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What SUM, REDUCE_MAX and REDUCE_MIN share: a reduction over constant axes (keep-dims as the
 * options say) into an output of the input's type, TFLM's {@code OpDataReduce} and version 2 for
 * int8.
 */
public abstract class ReduceOp extends BuiltinOp<ReduceOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared reduction.
   *
   * @param kernel the kernel plan
   * @param rescale the quantized SUM's rescaling, or null
   * @param type the element type
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(
      Reduction.Plan kernel, Reduction.Rescale rescale, TensorType type, int input, int output)
      implements OpPlan {}

  ReduceOp(BuiltinOperator builtin, String resolverMethod) {
    super(builtin, 2, resolverMethod);
  }

  /** {@code TfLiteReducerParams}: the keep-dims flag. {@code OpDataReduce}, as MEAN's. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(1, 1), 52);
  }

  @Override
  public final Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    ReducerOptions o = c.optionsOrNull(ReducerOptions.class);
    int[] axes = OpInputs.constantInts(c, 1, "axis");
    boolean keepDims = o != null && o.keepDims();
    Reduction.Plan p = KernelPlans.planned(c, () -> Reduction.plan(in.shape(), axes, keepDims));
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, rescale(c, in, out), in.type(), c.in(0), c.out(0));
  }

  /**
   * The quantized kernel's rescaling from the input's to the output's parameters, null for a kernel
   * without one; fails for a type the op does not run.
   */
  abstract Reduction.Rescale rescale(OpContext c, Tensor in, Tensor out);

  /** One per input element. */
  @Override
  public long macs(OpNode node) {
    return MacMath.count(node.inputShape(0));
  }

  @Override
  public final void eval(Plan p, Object[] t, Scratch s) {
    eval(p, t[p.input()], t[p.output()]);
  }

  /** Runs the kernel from the input's array into the output's. */
  abstract void eval(Plan p, Object in, Object out);

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
