package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Transpose;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** TRANSPOSE of any stored type by a constant permutation. */
public final class TransposeOp extends IndexMapOp {

  /** The op. */
  public TransposeOp() {
    super(BuiltinOperator.TRANSPOSE, 6, "AddTranspose");
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    Transpose.Plan p = Transpose.plan(in.shape(), OpInputs.constantInts(c, 1, "perm"));
    return new Mapping(p.outputShape(), p.source());
  }
}
