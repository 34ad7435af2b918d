package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceBatch;
import dev.tinyml.tflite.BuiltinOperator;

/** SPACE_TO_BATCH_ND of a rank-3 or rank-4 tensor with constant block shape and paddings. */
public final class SpaceToBatchNdOp extends SpaceBatchNdOp {

  /** The op; {@code SpaceToBatchParams} holds the output offset its padding writes. */
  public SpaceToBatchNdOp() {
    super(
        BuiltinOperator.SPACE_TO_BATCH_ND,
        "AddSpaceToBatchNd",
        SpaceBatch::spaceToBatch,
        "paddings",
        4);
  }
}
