package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pack;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * What PACK and UNPACK share: tensors of any stored type, one type for all, stacked along a new
 * axis or unstacked along one; TFLM's {@code TfLitePackParams} and {@code TfLiteUnpackParams} are a
 * count and the axis.
 */
public abstract class StackingOp extends BuiltinOp<StackingOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared pack or unpack.
   *
   * @param pack the kernel plan
   * @param inputs input tensor indices (one for UNPACK)
   * @param outputs output tensor indices (one for PACK)
   */
  public record Plan(Pack.Plan pack, int[] inputs, int[] outputs) implements OpPlan {}

  private final OutputParams outputParams;

  /** The op for {@code builtin}, whose outputs the quantizer gives {@code outputParams}. */
  StackingOp(BuiltinOperator builtin, String resolverMethod, OutputParams outputParams) {
    super(builtin, 4, resolverMethod);
    this.outputParams = outputParams;
  }

  @Override
  public OutputParams outputParams() {
    return outputParams;
  }

  @Override
  public final Plan prepare(OpContext c) {
    Tensor first = c.input(0);
    Pack.Plan p = KernelPlans.planned(c, first, () -> plan(c, first));
    int[] ins = new int[c.inputCount()];
    for (int i = 0; i < ins.length; i++) {
      Tensor t = c.input(i);
      OpInputs.requireSameType(c, first, t);
      checkInput(c, i, t, first);
      ins[i] = c.in(i);
    }
    int[] outputShape = outputShape(c, p);
    return new Plan(p, ins, TensorLists.outputs(c, first, k -> outputShape));
  }

  /** The kernel plan, from the first input. */
  abstract Pack.Plan plan(OpContext c, Tensor first);

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  /** Checks input {@code i} beyond its type. */
  void checkInput(OpContext c, int i, Tensor input, Tensor first) {}

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(new CStruct(8, 4));
  }

  /** The shape every output must have; fails when the outputs do not fit the plan. */
  abstract int[] outputShape(OpContext c, Pack.Plan p);

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
