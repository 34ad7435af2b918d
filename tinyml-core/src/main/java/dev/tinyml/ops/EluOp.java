package dev.tinyml.ops;

import dev.tinyml.ops.kernels.LookupTable;
import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;

/** ELU: float32, and int8 by a lookup table (the 256 bytes of TFLM's op data). */
public final class EluOp extends Int8UnaryOp<byte[]> {

  /** The op. */
  public EluOp() {
    super(
        BuiltinOperator.ELU,
        "AddElu",
        UnaryMath.Function.ELU,
        LookupTable::elu,
        LookupTable::eval,
        256);
  }
}
