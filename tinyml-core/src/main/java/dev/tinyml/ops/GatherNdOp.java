package dev.tinyml.ops;

import dev.tinyml.ops.kernels.GatherNd;
import dev.tinyml.tflite.BuiltinOperator;

/** GATHER_ND: slices of the values addressed by index rows; it parses no builtin parameters. */
public final class GatherNdOp extends GatheringOp<GatherNd.Plan> {

  /** The op. */
  public GatherNdOp() {
    super(
        BuiltinOperator.GATHER_ND,
        3,
        "AddGatherNd",
        1,
        (c, values, indices) -> GatherNd.plan(values, indices),
        GatherNd.Plan::outputShape,
        GatherNd::eval);
  }
}
