package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Quantization;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** QUANTIZE: float32 to int8/int16, and requantization between int8, int16 and int32. */
public final class QuantizeOp extends QuantizationOp<QuantizeOp.Plan> {

  /**
   * A prepared quantization: {@code requantize} is null when quantizing from float.
   *
   * @param scale the output scale, as {@code AffineQuantize} divides by it (float quantization)
   * @param zeroPoint the output zero point (float quantization)
   * @param requantize the integer rescaling, or null
   * @param min the output type's low end (requantization)
   * @param max the output type's high end (requantization)
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(
      float scale,
      int zeroPoint,
      Quantization.Requantize requantize,
      int min,
      int max,
      int input,
      int output,
      int count)
      implements ElementwisePlan {
    @Override
    public int scratchInts() {
      return requantize == null ? 0 : count;
    }
  }

  /** The op. */
  public QuantizeOp() {
    super(BuiltinOperator.QUANTIZE, 3, "AddQuantize", 1);
  }

  @Override
  Plan plan(OpContext c, Tensor in, Tensor out) {
    if (out.quantization() == null || out.quantization().scale().length != 1) {
      throw c.fail("output " + OpContext.describe(out) + " needs per-tensor quantization");
    }
    int n = in.elementCount();
    float outScale = c.scale(out);
    int outZp = c.zeroPoint(out);
    TensorType it = in.type();
    TensorType ot = out.type();
    if (it == TensorType.FLOAT32 && (ot == TensorType.INT8 || ot == TensorType.INT16)) {
      // AffineQuantize divides by the scale widened to double and narrowed back to float.
      float scale = (float) (double) outScale;
      return new Plan(scale, outZp, null, 0, 0, c.in(0), c.out(0), n);
    }
    boolean intIn = it == TensorType.INT8 || it == TensorType.INT16 || it == TensorType.INT32;
    boolean intOut = ot == TensorType.INT8 || ot == TensorType.INT16 || ot == TensorType.INT32;
    if (intIn && intOut && !(it == TensorType.INT32 && ot == TensorType.INT32)) {
      Quantization.Requantize r =
          Quantization.Requantize.of(c.scale(in), c.zeroPoint(in), outScale, outZp);
      int lo = ot == TensorType.INT8 ? -128 : ot == TensorType.INT16 ? -32768 : Integer.MIN_VALUE;
      int hi = ot == TensorType.INT8 ? 127 : ot == TensorType.INT16 ? 32767 : Integer.MAX_VALUE;
      return new Plan(outScale, outZp, r, lo, hi, c.in(0), c.out(0), n);
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.requantize() == null) {
      Quantization.quantizeArray(
          (float[]) t[p.input()], t[p.output()], p.count(), p.scale(), p.zeroPoint());
    } else {
      Quantization.requantize(
          p.requantize(), t[p.input()], t[p.output()], p.count(), p.min(), p.max(), s.ints());
    }
  }

  /** 2 for an int16 output (op_version.cc), else 1. */
  @Override
  public int int8Version(OpNode quantized) {
    return quantized.output(0).type() == TensorType.INT16 ? 2 : super.int8Version(quantized);
  }
}
