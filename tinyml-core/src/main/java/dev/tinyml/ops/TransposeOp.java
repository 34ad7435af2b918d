package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Transpose;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import java.util.Optional;

/** TRANSPOSE of any stored type by a constant permutation. */
public final class TransposeOp extends IndexMapOp {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.TRANSPOSE;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddTranspose");
  }

  @Override
  public int maxVersion() {
    return 6;
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    Transpose.Plan p = Transpose.plan(in.shape(), OpInputs.constantInts(c, 1, "perm"));
    return new Mapping(p.outputShape(), p.source());
  }
}
