package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.tflite.BuiltinOperator;

/** MAX_POOL_2D, float32 or int8. */
public final class MaxPool2DOp extends Pool2DOp {

  /** The op. */
  public MaxPool2DOp() {
    super(BuiltinOperator.MAX_POOL_2D, 3, "AddMaxPool2D");
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.isFloat()) {
      Pooling.maxFloat(p.pool(), (float[]) t[p.input()], (float[]) t[p.output()]);
    } else {
      Pooling.maxInt8(p.pool(), (byte[]) t[p.input()], (byte[]) t[p.output()]);
    }
  }
}
