package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceDepth;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.SpaceToDepthOptions;
import dev.tinyml.tflite.Tensor;

/** SPACE_TO_DEPTH of an NHWC tensor of any stored type. */
public final class SpaceToDepthOp extends IndexMapOp {

  /** The op. */
  public SpaceToDepthOp() {
    super(BuiltinOperator.SPACE_TO_DEPTH, 2, "AddSpaceToDepth");
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    SpaceDepth.Plan p =
        SpaceDepth.spaceToDepth(in.shape(), c.options(SpaceToDepthOptions.class).blockSize());
    return new Mapping(p.outputShape(), p.source());
  }

  /** {@code TfLiteSpaceToDepthParams}: the block size. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return new CStruct(4, 4);
  }
}
