package dev.tinyml.ops;

import dev.tinyml.ops.kernels.GatherAlongAxis;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.GatherOptions;

/** GATHER: positions along an axis, with batch dimensions. */
public final class GatherOp extends GatheringOp<GatherAlongAxis.Plan> {

  /** The op. */
  public GatherOp() {
    super(
        BuiltinOperator.GATHER,
        5,
        "AddGather",
        2,
        GatherOp::plan,
        GatherAlongAxis.Plan::outputShape,
        GatherAlongAxis::eval);
  }

  private static GatherAlongAxis.Plan plan(OpContext c, int[] values, int[] indices) {
    GatherOptions o = c.optionsOrNull(GatherOptions.class);
    return GatherAlongAxis.plan(
        values, indices, o == null ? 0 : o.axis(), o == null ? 0 : o.batchDims());
  }

  /** {@code TfLiteGatherParams}: axis and batch dimensions. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(new CStruct(8, 4));
  }
}
