package dev.tinyml.ops;

import dev.tinyml.ops.kernels.TensorCreation;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/** ZEROS_LIKE: raw zeros of the input's type and count; it parses no builtin parameters. */
public final class ZerosLikeOp extends TensorCreationOp {

  /** The op. */
  public ZerosLikeOp() {
    super(BuiltinOperator.ZEROS_LIKE, 1, "AddZerosLike");
  }

  @Override
  Plan prepare(OpContext c, Tensor out) {
    OpInputs.requireSameType(c, c.input(0), out);
    c.requireSameCount(c.input(0), out);
    return new Plan(null, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    TensorCreation.zerosLike(t[p.output()]);
  }
}
