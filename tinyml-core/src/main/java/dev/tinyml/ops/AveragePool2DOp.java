package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.tflite.BuiltinOperator;

/** AVERAGE_POOL_2D, float32, int8 or int16. */
public final class AveragePool2DOp extends Pool2DOp {

  /** The op. */
  public AveragePool2DOp() {
    super(
        BuiltinOperator.AVERAGE_POOL_2D,
        "AddAveragePool2D",
        Pooling::averageFloat,
        Pooling::averageInt8,
        Pooling::averageInt16);
  }
}
