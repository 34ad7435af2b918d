package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Reduction;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** SUM: float32, int32, and int8 and int16 rescaled to the output's parameters. */
public final class SumOp extends ReduceOp {

  /** The op. */
  public SumOp() {
    super(BuiltinOperator.SUM, "AddSum");
  }

  @Override
  Reduction.Rescale rescale(OpContext c, Tensor in, Tensor out) {
    TensorType t = in.type();
    if (OpInputs.quantized(t)) {
      return Reduction.rescale(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
    }
    if (t != TensorType.FLOAT32 && t != TensorType.INT32) {
      throw c.unsupportedTypes();
    }
    return null;
  }

  @Override
  void eval(Plan p, Object in, Object out) {
    switch (p.type()) {
      case FLOAT32 -> Reduction.sum(p.kernel(), (float[]) in, (float[]) out);
      case INT32 -> Reduction.sum(p.kernel(), (int[]) in, (int[]) out);
      case INT8 -> Reduction.sum(p.kernel(), p.rescale(), (byte[]) in, (byte[]) out);
      default -> Reduction.sum(p.kernel(), p.rescale(), (short[]) in, (short[]) out);
    }
  }

  /** What MEAN requests. */
  @Override
  public int[] scratchRequests(OpNode node) {
    return MeanOp.reductionScratch(node);
  }
}
