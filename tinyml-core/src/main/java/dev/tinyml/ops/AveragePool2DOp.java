package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.tflite.BuiltinOperator;

/** AVERAGE_POOL_2D, float32 or int8. */
public final class AveragePool2DOp extends Pool2DOp {

  /** The op. */
  public AveragePool2DOp() {
    super(BuiltinOperator.AVERAGE_POOL_2D, 3, "AddAveragePool2D");
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.isFloat()) {
      Pooling.averageFloat(p.pool(), (float[]) t[p.input()], (float[]) t[p.output()]);
    } else {
      Pooling.averageInt8(p.pool(), (byte[]) t[p.input()], (byte[]) t[p.output()]);
    }
  }
}
