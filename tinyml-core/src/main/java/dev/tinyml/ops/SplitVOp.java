package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Split;
import dev.tinyml.tflite.BuiltinOperator;

/** SPLIT_V (inputs: tensor, sizes, axis) into parts of the constant sizes given. */
public final class SplitVOp extends SplittingOp {

  /** The op. */
  public SplitVOp() {
    super(BuiltinOperator.SPLIT_V, 2, "AddSplitV", 0, 2);
  }

  @Override
  Split.Plan plan(OpContext c, int[] shape, int axis, int count) {
    return Split.planSizes(shape, axis, OpInputs.constantInts(c, 1, "size_splits"));
  }
}
