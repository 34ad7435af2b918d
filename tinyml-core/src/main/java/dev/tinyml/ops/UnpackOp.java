package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pack;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.UnpackOptions;

/**
 * UNPACK: its input unstacked along an axis into one output per position; the outputs keep the
 * input's quantization parameters.
 */
public final class UnpackOp extends StackingOp {

  /** The op. */
  public UnpackOp() {
    super(BuiltinOperator.UNPACK, "AddUnpack", OutputParams.SHARED_WITH_INPUT);
  }

  @Override
  Pack.Plan plan(OpContext c, Tensor first) {
    return Pack.planUnpack(first.shape(), c.options(UnpackOptions.class).axis());
  }

  @Override
  int[] outputShape(OpContext c, Pack.Plan p) {
    int n = c.operator().outputs().length;
    if (n != p.count()) {
      throw c.fail("has " + n + " outputs for an axis of extent " + p.count());
    }
    return p.unpackedShape();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Pack.unpack(p.pack(), t[p.inputs()[0]], TensorLists.arrays(t, p.outputs()));
  }
}
