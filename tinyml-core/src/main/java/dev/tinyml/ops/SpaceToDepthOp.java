package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceDepth;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.SpaceToDepthOptions;

/** SPACE_TO_DEPTH of an NHWC tensor of any stored type. */
public final class SpaceToDepthOp extends SpaceDepthOp {

  /** The op. */
  public SpaceToDepthOp() {
    super(
        BuiltinOperator.SPACE_TO_DEPTH,
        "AddSpaceToDepth",
        SpaceDepth::spaceToDepth,
        c -> c.options(SpaceToDepthOptions.class).blockSize());
  }
}
