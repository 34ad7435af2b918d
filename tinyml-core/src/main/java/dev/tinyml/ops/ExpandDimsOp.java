package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ExpandDims;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** EXPAND_DIMS of any stored type: the axis (input 1) is checked when constant, the data copied. */
public final class ExpandDimsOp extends CopyOp {

  /** The op. */
  public ExpandDimsOp() {
    super(BuiltinOperator.EXPAND_DIMS, 1, "AddExpandDims");
  }

  @Override
  Plan plan(OpContext c, Tensor in, Tensor out) {
    if (c.constant(1) != null) {
      try {
        ExpandDims.outputShape(in.shape(), OpInputs.constantInt(c, 1, "axis"));
      } catch (IllegalArgumentException e) {
        throw c.fail(e.getMessage());
      }
    }
    return super.plan(c, in, out);
  }

  /** TFLM's EXPAND_DIMS parses no builtin parameters. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.NONE;
  }
}
