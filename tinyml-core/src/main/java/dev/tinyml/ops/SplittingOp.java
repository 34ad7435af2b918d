package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Split;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * What SPLIT and SPLIT_V share: a tensor of any stored type cut along a constant axis into one
 * piece per output, each with the data's quantization.
 */
public abstract class SplittingOp extends BuiltinOp<SplittingOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared split.
   *
   * @param split the kernel plan
   * @param input input tensor index
   * @param outputs output tensor indices
   */
  public record Plan(Split.Plan split, int input, int[] outputs) implements OpPlan {}

  private final int dataInput;
  private final int axisInput;

  /**
   * The op for {@code builtin}, whose data and axis are inputs {@code dataInput}, {@code
   * axisInput}.
   */
  SplittingOp(
      BuiltinOperator builtin,
      int maxVersion,
      String resolverMethod,
      int dataInput,
      int axisInput) {
    super(builtin, maxVersion, resolverMethod);
    this.dataInput = dataInput;
    this.axisInput = axisInput;
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  @Override
  public final Plan prepare(OpContext c) {
    Tensor in = c.input(dataInput);
    int count = c.operator().outputs().length;
    int axis = OpInputs.constantInt(c, axisInput, "axis");
    Split.Plan p = KernelPlans.planned(c, in, () -> plan(c, in.shape(), axis, count));
    if (p.sizes().length != count) {
      throw c.fail("has " + count + " outputs for " + p.sizes().length + " split sizes");
    }
    return new Plan(p, c.in(dataInput), TensorLists.outputs(c, in, k -> p.outputShapes()[k]));
  }

  /** Every piece shares the data's parameters (TFLite's quantizer restricts them so). */
  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_INPUT;
  }

  /** The kernel plan cutting {@code shape} along {@code axis} into {@code count} pieces. */
  abstract Split.Plan plan(OpContext c, int[] shape, int axis, int count);

  @Override
  public int sharedInput() {
    return dataInput;
  }

  /** {@code TfLiteSplitParams} and {@code TfLiteSplitVParams}: the split count. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(new CStruct(4, 4));
  }

  @Override
  public final void eval(Plan p, Object[] t, Scratch s) {
    Split.eval(p.split(), t[p.input()], TensorLists.arrays(t, p.outputs()));
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
