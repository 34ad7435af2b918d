package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/** SQUEEZE of any stored type: copies the data. */
public final class SqueezeOp extends CopyOp {

  /** The op. */
  public SqueezeOp() {
    super(BuiltinOperator.SQUEEZE, 2, "AddSqueeze");
  }
}
