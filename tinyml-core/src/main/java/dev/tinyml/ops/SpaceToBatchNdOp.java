package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceBatch;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** SPACE_TO_BATCH_ND of a rank-3 or rank-4 tensor with constant block shape and paddings. */
public final class SpaceToBatchNdOp extends IndexMapOp {

  /** The op. */
  public SpaceToBatchNdOp() {
    super(BuiltinOperator.SPACE_TO_BATCH_ND, 4, "AddSpaceToBatchNd");
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
        SpaceBatch.spaceToBatch(
            in.shape(),
            OpInputs.constantInts(c, 1, "block_shape"),
            OpInputs.constantInts(c, 2, "paddings"));
    return new Mapping(p.outputShape(), p.source());
  }

  /** {@code SpaceToBatchParams}: the output offset its padding writes. */
  @Override
  public int opData(OpNode node, Abi abi) {
    return 4;
  }
}
