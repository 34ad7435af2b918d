package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/** RESHAPE of any stored type: copies the data. */
public final class ReshapeOp extends CopyOp {

  /** The op. */
  public ReshapeOp() {
    super(BuiltinOperator.RESHAPE, 1, "AddReshape");
  }

  /** TFLM's kernel skips the copy when input and output share their data. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.ALIAS;
  }
}
