package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceDepth;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DepthToSpaceOptions;
import dev.tinyml.tflite.Tensor;

/** DEPTH_TO_SPACE of an NHWC tensor of any stored type. */
public final class DepthToSpaceOp extends IndexMapOp {

  /** The op. */
  public DepthToSpaceOp() {
    super(BuiltinOperator.DEPTH_TO_SPACE, 2, "AddDepthToSpace");
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    SpaceDepth.Plan p =
        SpaceDepth.depthToSpace(in.shape(), c.options(DepthToSpaceOptions.class).blockSize());
    return new Mapping(p.outputShape(), p.source());
  }

  /** {@code TfLiteDepthToSpaceParams}: the block size. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return new CStruct(4, 4);
  }
}
