package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceBatch;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** BATCH_TO_SPACE_ND of a rank-3 or rank-4 tensor with constant block shape and crops. */
public final class BatchToSpaceNdOp extends IndexMapOp {

  /** The op. */
  public BatchToSpaceNdOp() {
    super(BuiltinOperator.BATCH_TO_SPACE_ND, 4, "AddBatchToSpaceNd");
  }

  /** Version 3 marks an input of rank other than 4 (op_version.cc). */
  @Override
  public int int8Version(OpNode quantized) {
    Tensor in = quantized.input(0);
    return in != null && in.shape().length != 4 ? 3 : 2;
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    SpaceBatch.Plan p =
        SpaceBatch.batchToSpace(
            in.shape(),
            OpInputs.constantInts(c, 1, "block_shape"),
            OpInputs.constantInts(c, 2, "crops"));
    return new Mapping(p.outputShape(), p.source());
  }
}
