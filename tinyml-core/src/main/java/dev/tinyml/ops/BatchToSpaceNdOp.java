package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceBatch;
import dev.tinyml.tflite.BuiltinOperator;

/** BATCH_TO_SPACE_ND of a rank-3 or rank-4 tensor with constant block shape and crops. */
public final class BatchToSpaceNdOp extends SpaceBatchNdOp {

  /** The op; its kernel keeps no {@code OpData}. */
  public BatchToSpaceNdOp() {
    super(
        BuiltinOperator.BATCH_TO_SPACE_ND,
        "AddBatchToSpaceNd",
        SpaceBatch::batchToSpace,
        "crops",
        0);
  }
}
