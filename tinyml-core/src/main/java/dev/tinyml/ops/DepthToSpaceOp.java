package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceDepth;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DepthToSpaceOptions;

/** DEPTH_TO_SPACE of an NHWC tensor of any stored type. */
public final class DepthToSpaceOp extends SpaceDepthOp {

  /** The op. */
  public DepthToSpaceOp() {
    super(
        BuiltinOperator.DEPTH_TO_SPACE,
        "AddDepthToSpace",
        SpaceDepth::depthToSpace,
        c -> c.options(DepthToSpaceOptions.class).blockSize());
  }
}
