package dev.tinyml.ops;

import dev.tinyml.ops.kernels.TensorCreation;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * FILL: a scalar (input 1) over the shape the model gives the output, checked against the dims
 * (input 0) when they are constant; it parses no builtin parameters.
 */
public final class FillOp extends TensorCreationOp {

  /** The op. */
  public FillOp() {
    super(BuiltinOperator.FILL, 3, "AddFill");
  }

  @Override
  Plan prepare(OpContext c, Tensor out) {
    Tensor value = c.input(1);
    OpInputs.requireSameType(c, value, out);
    c.requireCount(value, 1, "value");
    if (c.constant(0) != null) {
      int[] dims = OpInputs.constantInts(c, 0, "dims");
      long[] wide = new long[dims.length];
      for (int i = 0; i < dims.length; i++) {
        wide[i] = dims[i];
      }
      OpInputs.requireOutput(c, out, KernelPlans.planned(c, () -> TensorCreation.fillShape(wide)));
    }
    return new Plan(null, c.in(1), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    TensorCreation.fill(t[p.input()], t[p.output()]);
  }
}
