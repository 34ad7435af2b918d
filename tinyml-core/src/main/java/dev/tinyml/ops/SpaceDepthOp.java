package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceDepth;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import java.util.function.ToIntFunction;

/**
 * What SPACE_TO_DEPTH and DEPTH_TO_SPACE share: an NHWC tensor of any stored type rearranged in
 * blocks whose size the options give.
 */
public abstract class SpaceDepthOp extends IndexMapOp {

  /** The kernel's planning function. */
  @FunctionalInterface
  interface Kernel {
    SpaceDepth.Plan plan(int[] inputShape, int blockSize);
  }

  private final Kernel kernel;
  private final ToIntFunction<OpContext> blockSize;

  /**
   * @param blockSize reads the block size from the op's options
   */
  SpaceDepthOp(
      BuiltinOperator builtin,
      String resolverMethod,
      Kernel kernel,
      ToIntFunction<OpContext> blockSize) {
    super(builtin, 2, resolverMethod);
    this.kernel = kernel;
    this.blockSize = blockSize;
  }

  @Override
  protected final Mapping map(OpContext c, Tensor in) {
    SpaceDepth.Plan p = kernel.plan(in.shape(), blockSize.applyAsInt(c));
    return new Mapping(p.outputShape(), p.source());
  }

  /** {@code TfLiteSpaceToDepthParams} and {@code TfLiteDepthToSpaceParams}: the block size. */
  @Override
  public final KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(new CStruct(4, 4));
  }
}
