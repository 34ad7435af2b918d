package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Slice;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import java.util.Optional;

/** SLICE of any stored type with constant begin and size (-1 runs to the end). */
public final class SliceOp extends IndexMapOp {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.SLICE;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddSlice");
  }

  @Override
  public int maxVersion() {
    return 6;
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    Slice.Plan p =
        Slice.plan(
            in.shape(), OpInputs.constantInts(c, 1, "begin"), OpInputs.constantInts(c, 2, "size"));
    return new Mapping(p.outputShape(), p.source());
  }
}
