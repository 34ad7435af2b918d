package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Quantization;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** DEQUANTIZE: int8 or int16 to float32. */
public final class DequantizeOp extends QuantizationOp<DequantizeOp.Plan> {

  /**
   * A prepared dequantization.
   *
   * @param scale the input scale
   * @param zeroPoint the input zero point
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(double scale, int zeroPoint, int input, int output, int count)
      implements ElementwisePlan {}

  /** The op. */
  public DequantizeOp() {
    super(BuiltinOperator.DEQUANTIZE, 6, "AddDequantize", 2);
  }

  @Override
  Plan plan(OpContext c, Tensor in, Tensor out) {
    if (out.type() != TensorType.FLOAT32
        || (in.type() != TensorType.INT8 && in.type() != TensorType.INT16)) {
      throw c.unsupportedTypes();
    }
    return new Plan(c.scale(in), c.zeroPoint(in), c.in(0), c.out(0), in.elementCount());
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Quantization.dequantizeArray(
        t[p.input()], (float[]) t[p.output()], p.count(), p.scale(), p.zeroPoint());
  }

  /** 3 for an int16 input (op_version.cc), else 2. */
  @Override
  public int int8Version(OpNode quantized) {
    return quantized.input(0).type() == TensorType.INT16 ? 3 : super.int8Version(quantized);
  }
}
