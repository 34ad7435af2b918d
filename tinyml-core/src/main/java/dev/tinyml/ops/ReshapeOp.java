package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/** RESHAPE of any stored type: copies the data. */
public final class ReshapeOp extends CopyOp {

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.RESHAPE;
  }

  @Override
  public int maxVersion() {
    return 1;
  }
}
