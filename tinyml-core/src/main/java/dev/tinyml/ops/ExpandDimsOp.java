package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ExpandDims;
import dev.tinyml.tflite.BuiltinOperator;

/** EXPAND_DIMS of any stored type: the axis (input 1) is checked when constant, the data copied. */
public final class ExpandDimsOp extends CopyOp {

  /** The op. */
  public ExpandDimsOp() {
    super(BuiltinOperator.EXPAND_DIMS, 1, "AddExpandDims");
  }

  @Override
  public Plan prepare(OpContext c) {
    if (c.constant(1) != null) {
      try {
        ExpandDims.outputShape(c.input(0).shape(), OpInputs.constantInt(c, 1, "axis"));
      } catch (IllegalArgumentException e) {
        throw c.fail(e.getMessage());
      }
    }
    return super.prepare(c);
  }

  /** TFLM's EXPAND_DIMS parses no builtin parameters. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return null;
  }
}
