package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Mean;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** MEAN over constant axes, float32 or int8. */
public final class MeanOp extends BuiltinOp<MeanOp.Plan> implements TflmFootprint, Int8Rules {

  /**
   * A prepared mean.
   *
   * @param mean reduced axes, sizes and the int8 requantization
   * @param isFloat true for the float kernel, false for int8
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(Mean.Plan mean, boolean isFloat, int input, int output) implements OpPlan {
    @Override
    public int scratchInts() {
      return isFloat ? 0 : mean.outputSize();
    }
  }

  /** The op. */
  public MeanOp() {
    super(BuiltinOperator.MEAN, 3, "AddMean");
  }

  @Override
  public Plan prepare(OpContext c) {
    ReducerOptions reducer = c.optionsOrNull(ReducerOptions.class);
    boolean keepDims = reducer != null && reducer.keepDims();
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if (!(c.requireConstant(1, "the axis tensor") instanceof int[] axes)) {
      throw c.fail("the axis tensor " + OpContext.describe(c.input(1)) + " must be INT32");
    }
    boolean isFloat = in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32;
    boolean isInt8 = in.type() == TensorType.INT8 && out.type() == TensorType.INT8;
    if (!isFloat && !isInt8) {
      throw c.unsupportedTypes();
    }
    Mean.Plan p =
        c.kernelPlan(
            () ->
                Mean.prepare(
                    in.shape(),
                    axes,
                    isFloat ? 1f : c.scale(in),
                    isFloat ? 0 : c.zeroPoint(in),
                    isFloat ? 1f : c.scale(out),
                    isFloat ? 0 : c.zeroPoint(out),
                    isInt8));
    if (p.outputSize() != out.elementCount()) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " does not match the reduced input (keep_dims="
              + keepDims
              + ")");
    }
    return new Plan(p, isFloat, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.isFloat()) {
      Mean.evalFloat(p.mean(), (float[]) t[p.input()], (float[]) t[p.output()]);
    } else {
      Mean.evalInt8(p.mean(), (byte[]) t[p.input()], (byte[]) t[p.output()], s.ints());
    }
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(1, 1), 52);
  }

  @Override
  public int[] scratchRequests(OpNode node) {
    return reductionScratch(node);
  }

  /**
   * The scratch TFLM's reduce kernels (MEAN, SUM) request: the int32 sums of an integer reduction,
   * then the input's shape and the axes as int32 arrays.
   */
  public static int[] reductionScratch(OpNode node) {
    Tensor in = node.input(0);
    Tensor axis = node.input(1);
    Tensor out = node.output(0);
    if (in == null || axis == null || out == null) {
      throw new IllegalArgumentException("lacks its input, axis or output; malformed model.");
    }
    int rank = 4 * in.shape().length;
    int axes = 4 * Math.max(axis.elementCount(), 0);
    return in.type() == TensorType.INT8 || in.type() == TensorType.INT16
        ? new int[] {4 * out.elementCount(), rank, axes}
        : new int[] {rank, axes};
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  /** One per input element. */
  @Override
  public long macs(OpNode node) {
    return MacMath.count(node.inputShape(0));
  }
}
