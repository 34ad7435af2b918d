package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Split;
import dev.tinyml.tflite.BuiltinOperator;

/** SPLIT (inputs: axis, tensor) into as many equal parts as it has outputs. */
public final class SplitOp extends SplittingOp {

  /** The op. */
  public SplitOp() {
    super(BuiltinOperator.SPLIT, 4, "AddSplit", 1, 0);
  }

  @Override
  Split.Plan plan(OpContext c, int[] shape, int axis, int count) {
    return Split.planEqual(shape, axis, count);
  }
}
