package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import java.util.Optional;

/** SQUEEZE of any stored type: copies the data. */
public final class SqueezeOp extends CopyOp {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.SQUEEZE;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddSqueeze");
  }

  @Override
  public int maxVersion() {
    return 2;
  }
}
