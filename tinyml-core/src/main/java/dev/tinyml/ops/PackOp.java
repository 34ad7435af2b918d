package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pack;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.PackOptions;
import dev.tinyml.tflite.Tensor;
import java.util.Arrays;

/**
 * PACK: its inputs, of one shape, stacked along a new axis; inputs and output share one set of
 * quantization parameters.
 */
public final class PackOp extends StackingOp {

  /** The op. */
  public PackOp() {
    super(BuiltinOperator.PACK, "AddPack", OutputParams.SHARED_WITH_ALL_INPUTS);
  }

  @Override
  Pack.Plan plan(OpContext c, Tensor first) {
    return Pack.planPack(first.shape(), c.inputCount(), c.options(PackOptions.class).axis());
  }

  @Override
  void checkInput(OpContext c, int i, Tensor input, Tensor first) {
    if (!Arrays.equals(input.shape(), first.shape())) {
      throw c.fail(
          "PACK inputs must share one shape; input " + i + " is " + OpContext.describe(input));
    }
  }

  @Override
  int[] outputShape(OpContext c, Pack.Plan p) {
    return p.packedShape();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Pack.pack(p.pack(), TensorLists.arrays(t, p.inputs()), t[p.outputs()[0]]);
  }
}
