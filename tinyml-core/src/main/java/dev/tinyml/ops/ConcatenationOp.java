package dev.tinyml.ops;

import dev.tinyml.ops.kernels.DataMovement;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ConcatenationOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** CONCATENATION along one axis; int8 inputs must share the output's quantization. */
public final class ConcatenationOp extends BuiltinOp<ConcatenationOp.Plan>
    implements TflmFootprint, DataMovementOp<ConcatenationOp.Plan> {

  /**
   * A prepared concatenation.
   *
   * @param concat outer count and each input's chunk size
   * @param inputs input tensor indices, in order
   * @param output output tensor index
   */
  public record Plan(DataMovement.ConcatPlan concat, int[] inputs, int output) implements OpPlan {}

  /** The op. */
  public ConcatenationOp() {
    super(BuiltinOperator.CONCATENATION, 4, "AddConcatenation");
  }

  @Override
  public Plan prepare(OpContext c) {
    ConcatenationOptions o = c.options(ConcatenationOptions.class);
    if (o.fusedActivation() != ActivationFunctionType.NONE) {
      throw c.fail(
          "fused activation " + o.fusedActivation() + " on CONCATENATION is not supported by TFLM");
    }
    Tensor out = c.output(0);
    int n = c.inputCount();
    int[][] shapes = new int[n][];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      Tensor t = c.input(i);
      if (t.type() != out.type()) {
        throw c.unsupportedTypes();
      }
      if (t.type() == TensorType.INT8
          && (c.scale(t) != c.scale(out) || c.zeroPoint(t) != c.zeroPoint(out))) {
        throw c.fail(
            "int8 concatenation needs every input quantized like the output; input "
                + OpContext.describe(t)
                + " differs");
      }
      shapes[i] = t.shape();
      idx[i] = c.in(i);
    }
    DataMovement.ConcatPlan p = c.kernelPlan(() -> DataMovement.prepareConcat(shapes, o.axis()));
    if ((long) p.outer() * p.outputChunk() != out.elementCount()) {
      throw c.fail("output " + OpContext.describe(out) + " does not hold the concatenated inputs");
    }
    return new Plan(p, idx, c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    DataMovement.concat(p.concat(), t, p.inputs(), t[p.output()]);
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(8, 4), abi.byPointer(40, 24));
  }

  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_ALL_INPUTS;
  }
}
