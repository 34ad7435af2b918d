package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SpaceBatch;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * What SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND share: a rank-3 or rank-4 tensor rearranged by a
 * constant block shape (input 1) and constant paddings or crops (input 2).
 */
public abstract class SpaceBatchNdOp extends IndexMapOp {

  /** The kernel's planning function. */
  @FunctionalInterface
  interface Kernel {
    SpaceBatch.Plan plan(int[] inputShape, int[] blockShape, int[] margins);
  }

  private final Kernel kernel;
  private final String margins;
  private final int opData;

  /**
   * @param builtin the builtin code
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it
   * @param kernel the kernel's planning function
   * @param margins what input 2 holds, as errors name it
   * @param opData the size of the TFLM kernel's {@code OpData}
   */
  SpaceBatchNdOp(
      BuiltinOperator builtin, String resolverMethod, Kernel kernel, String margins, int opData) {
    super(builtin, 4, resolverMethod);
    this.kernel = kernel;
    this.margins = margins;
    this.opData = opData;
  }

  /** Version 3 marks an input of rank other than 4 (op_version.cc). */
  @Override
  public final int int8Version(OpNode quantized) {
    Tensor in = quantized.input(0);
    return in != null && in.shape().length != 4 ? 3 : 2;
  }

  @Override
  protected final Mapping map(OpContext c, Tensor in) {
    SpaceBatch.Plan p =
        kernel.plan(
            in.shape(),
            OpInputs.constantInts(c, 1, "block_shape"),
            OpInputs.constantInts(c, 2, margins));
    return new Mapping(p.outputShape(), p.source());
  }

  @Override
  public final KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(opData);
  }
}
