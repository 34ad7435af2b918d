package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import java.util.Optional;

/** RESHAPE of any stored type: copies the data. */
public final class ReshapeOp extends CopyOp {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.RESHAPE;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddReshape");
  }

  @Override
  public int maxVersion() {
    return 1;
  }

  /** TFLM's kernel skips the copy when input and output share their data. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.ALIAS;
  }
}
