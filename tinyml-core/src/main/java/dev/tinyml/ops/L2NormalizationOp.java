package dev.tinyml.ops;

import dev.tinyml.ops.kernels.L2Normalization;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.L2NormOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * L2_NORMALIZATION over the last axis of a tensor of rank 4 or less: float32, or int8 with output
 * scale 1/128 and zero point 0 (the quantization TFLite gives it); no fused activation.
 */
public final class L2NormalizationOp extends ElementMapOp<L2NormalizationOp.Plan>
    implements TflmFootprint, FixedOutputRules {

  /**
   * A prepared op.
   *
   * @param depth the last axis's extent
   * @param inputZeroPoint the int8 input's zero point
   * @param type the element type
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(int depth, int inputZeroPoint, TensorType type, int input, int output)
      implements OpPlan {}

  /** The op. */
  public L2NormalizationOp() {
    super(BuiltinOperator.L2_NORMALIZATION, 2, "AddL2Normalization");
  }

  private static final Quantization OUTPUT = new Quantization(1f / 128f, 0);

  /** TFLM's int8 kernel writes Q7: scale 1/128, zero point 0. */
  @Override
  public Quantization fixedOutput() {
    return OUTPUT;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  @Override
  Plan plan(OpContext c, Tensor in, Tensor out) {
    OpInputs.requireSameType(c, in, out);
    int[] shape = in.shape();
    if (shape.length == 0 || shape.length > 4) {
      throw c.fail("input " + OpContext.describe(in) + " must have rank 1 to 4");
    }
    L2NormOptions o = c.optionsOrNull(L2NormOptions.class);
    if (o != null && o.fusedActivation() != ActivationFunctionType.NONE) {
      throw c.fail("a fused activation is not supported, as in TFLM; got " + o.fusedActivation());
    }
    int depth = shape[shape.length - 1];
    if (in.type() == TensorType.FLOAT32) {
      return new Plan(depth, 0, in.type(), c.in(0), c.out(0));
    }
    if (in.type() == TensorType.INT8) {
      if (c.scale(out) != 1f / 128f || c.zeroPoint(out) != 0) {
        throw c.fail(
            "int8 output "
                + OpContext.describe(out)
                + " needs scale 1/128 and zero point 0, the quantization TFLite gives it");
      }
      return new Plan(depth, c.zeroPoint(in), in.type(), c.in(0), c.out(0));
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.type() == TensorType.FLOAT32) {
      L2Normalization.eval(p.depth(), (float[]) t[p.input()], (float[]) t[p.output()]);
    } else {
      L2Normalization.eval(
          p.depth(), p.inputZeroPoint(), (byte[]) t[p.input()], (byte[]) t[p.output()]);
    }
  }

  /**
   * {@code TfLiteL2NormParams}: one activation enum. {@code L2NormalizationParams}: the input zero
   * point.
   */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(abi.oneEnum(), 4);
  }
}
