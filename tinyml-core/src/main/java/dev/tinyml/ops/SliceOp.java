package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Slice;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** SLICE of any stored type with constant begin and size (-1 runs to the end). */
public final class SliceOp extends IndexMapOp {

  /** The op. */
  public SliceOp() {
    super(BuiltinOperator.SLICE, 6, "AddSlice");
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    Slice.Plan p =
        Slice.plan(
            in.shape(), OpInputs.constantInts(c, 1, "begin"), OpInputs.constantInts(c, 2, "size"));
    return new Mapping(p.outputShape(), p.source());
  }
}
