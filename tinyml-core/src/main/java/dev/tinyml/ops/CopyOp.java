package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** Ops that only reinterpret the shape (RESHAPE, SQUEEZE): the data is copied unchanged. */
public abstract class CopyOp extends ElementMapOp<CopyOp.Plan>
    implements TflmFootprint, DataMovementOp<CopyOp.Plan> {

  /**
   * A prepared copy.
   *
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements copied
   */
  public record Plan(int input, int output, int count) implements ElementwisePlan {}

  CopyOp(BuiltinOperator builtin, int maxVersion, String resolverMethod) {
    super(builtin, maxVersion, resolverMethod);
  }

  @Override
  Plan plan(OpContext c, Tensor in, Tensor out) {
    OpInputs.requireSameType(c, in, out);
    return new Plan(c.in(0), c.out(0), in.elementCount());
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    System.arraycopy(t[p.input()], 0, t[p.output()], 0, p.count());
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(new CStruct(36, 4));
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 1;
  }

  /** The copy is type-agnostic in TFLM too; version 1 for every type (op_version.cc). */
  @Override
  public boolean takesInt16Activations() {
    return true;
  }
}
