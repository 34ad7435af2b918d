package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.tflite.BuiltinOperator;

/** MAX_POOL_2D, float32, int8 or int16. */
public final class MaxPool2DOp extends Pool2DOp {

  /** The op. */
  public MaxPool2DOp() {
    super(
        BuiltinOperator.MAX_POOL_2D,
        "AddMaxPool2D",
        Pooling::maxFloat,
        Pooling::maxInt8,
        Pooling::maxInt16);
  }
}
