package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Reduction;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/**
 * SUM (float32, int32, int8, int16), REDUCE_MAX and REDUCE_MIN (float32, int8 with the input's
 * quantization on the output, as TFLM requires) over constant axes.
 */
public final class ReduceOp implements Op<ReduceOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared reduction.
   *
   * @param kernel the kernel plan
   * @param rescale the quantized SUM's rescaling, or null
   * @param type the element type
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(
      Reduction.Plan kernel, Reduction.Rescale rescale, TensorType type, int input, int output)
      implements OpPlan {}

  private final BuiltinOperator builtin;

  /** One of SUM, REDUCE_MAX and REDUCE_MIN. */
  public ReduceOp(BuiltinOperator builtin) {
    if (builtin != BuiltinOperator.SUM
        && builtin != BuiltinOperator.REDUCE_MAX
        && builtin != BuiltinOperator.REDUCE_MIN) {
      throw new IllegalArgumentException(builtin + " is not SUM, REDUCE_MAX or REDUCE_MIN");
    }
    this.builtin = builtin;
  }

  @Override
  public BuiltinOperator builtin() {
    return builtin;
  }

  @Override
  public Optional<String> resolverMethod() {
    return switch (builtin) {
      case SUM -> Optional.of("AddSum");
      case REDUCE_MAX -> Optional.of("AddReduceMax");
      default -> Optional.empty(); // the Arduino library's TFLM predates REDUCE_MIN
    };
  }

  @Override
  public int maxVersion() {
    return 2;
  }

  /** MAX and MIN pick input values, so they share the input's parameters; SUM rescales. */
  @Override
  public OutputParams outputParams() {
    return builtin == BuiltinOperator.SUM
        ? OutputParams.CALIBRATED
        : OutputParams.SHARED_WITH_INPUT;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    ReducerOptions o = c.optionsOrNull(ReducerOptions.class);
    Reduction.Plan p;
    try {
      p =
          Reduction.plan(
              in.shape(), OpInputs.constantInts(c, 1, "axis"), o != null && o.keepDims());
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    OpInputs.requireOutput(c, out, p.outputShape());
    TensorType t = in.type();
    boolean sum = builtin == BuiltinOperator.SUM;
    Reduction.Rescale r = null;
    if (sum && (t == TensorType.INT8 || t == TensorType.INT16)) {
      r = Reduction.rescale(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
    } else if (!sum && t == TensorType.INT8) {
      if (c.scale(in) != c.scale(out) || c.zeroPoint(in) != c.zeroPoint(out)) {
        throw c.fail("int8 input and output need one scale and zero point, as TFLM requires");
      }
    } else if (!(t == TensorType.FLOAT32 || (sum && t == TensorType.INT32))) {
      throw c.unsupportedTypes();
    }
    return new Plan(p, r, t, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Object in = t[p.input()];
    Object out = t[p.output()];
    if (builtin == BuiltinOperator.SUM) {
      switch (p.type()) {
        case FLOAT32 -> Reduction.sum(p.kernel(), (float[]) in, (float[]) out);
        case INT32 -> Reduction.sum(p.kernel(), (int[]) in, (int[]) out);
        case INT8 -> Reduction.sum(p.kernel(), p.rescale(), (byte[]) in, (byte[]) out);
        default -> Reduction.sum(p.kernel(), p.rescale(), (short[]) in, (short[]) out);
      }
      return;
    }
    boolean max = builtin == BuiltinOperator.REDUCE_MAX;
    if (p.type() == TensorType.FLOAT32) {
      Reduction.extreme(p.kernel(), max, (float[]) in, (float[]) out);
    } else {
      Reduction.extreme(p.kernel(), max, (byte[]) in, (byte[]) out);
    }
  }

  /** One per input element. */
  @Override
  public long macs(OpNode node) {
    return MacMath.count(node.inputShape(0));
  }

  /** {@code TfLiteReducerParams}: the keep-dims flag. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return new CStruct(1, 1);
  }

  /** {@code OpDataReduce}, as MEAN's. */
  @Override
  public int opData(OpNode node, Abi abi) {
    return 52;
  }

  /**
   * SUM requests what MEAN requests; REDUCE_MAX and REDUCE_MIN the input's shape and the axes, as
   * int32 arrays.
   */
  @Override
  public int[] scratchRequests(OpNode node) {
    if (builtin == BuiltinOperator.SUM) {
      return MeanOp.reductionScratch(node);
    }
    Tensor in = node.input(0);
    Tensor axis = node.input(1);
    if (in == null || axis == null) {
      throw new IllegalArgumentException("lacks its input or axis; malformed model.");
    }
    return new int[] {4 * in.shape().length, 4 * Math.max(axis.elementCount(), 0)};
  }
}
