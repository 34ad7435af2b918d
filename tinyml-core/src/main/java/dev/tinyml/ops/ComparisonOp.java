package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What the six comparisons share (EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL):
 * broadcasting, a BOOL output, float32, int32, int64 and int8 inputs (int8 compared by real value)
 * and, for the equality tests, bool inputs; version 2 is the int8 one.
 */
public abstract class ComparisonOp extends BuiltinOp<ComparisonOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared comparison.
   *
   * @param kernel the kernel plan
   * @param type the inputs' element type
   * @param input1 first input tensor index
   * @param input2 second input tensor index
   * @param output output tensor index
   */
  public record Plan(Comparisons.Plan kernel, TensorType type, int input1, int input2, int output)
      implements OpPlan {}

  private final Comparisons.Op op;

  /** The op for {@code builtin}, which the kernel runs as {@code op}. */
  ComparisonOp(BuiltinOperator builtin, String resolverMethod, Comparisons.Op op) {
    super(builtin, 2, resolverMethod);
    this.op = op;
  }

  @Override
  public final Plan prepare(OpContext c) {
    Tensor a = c.input(0);
    Tensor b = c.input(1);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, a, b);
    c.requireType(out, TensorType.BOOL, "output");
    Comparisons.Plan p = KernelPlans.planned(c, () -> plan(c, a, b));
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, a.type(), c.in(0), c.in(1), c.out(0));
  }

  /** Version 2 is the int8 one. */
  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  private Comparisons.Plan plan(OpContext c, Tensor a, Tensor b) {
    TensorType type = a.type();
    if (type == TensorType.INT8) {
      return Comparisons.planInt8(
          op, a.shape(), c.scale(a), c.zeroPoint(a), b.shape(), c.scale(b), c.zeroPoint(b));
    }
    boolean equality = op == Comparisons.Op.EQUAL || op == Comparisons.Op.NOT_EQUAL;
    if (type == TensorType.FLOAT32
        || type == TensorType.INT32
        || type == TensorType.INT64
        || (type == TensorType.BOOL && equality)) {
      return Comparisons.plan(op, a.shape(), b.shape());
    }
    throw c.unsupportedTypes();
  }

  /** The two inputs keep their own parameters (the kernel rescales both); the output is bool. */
  @Override
  public boolean quantizesOutputs() {
    return false;
  }

  @Override
  public final void eval(Plan p, Object[] t, Scratch s) {
    Object a = t[p.input1()];
    Object b = t[p.input2()];
    byte[] o = (byte[]) t[p.output()];
    switch (p.type()) {
      case FLOAT32 -> Comparisons.eval(p.kernel(), (float[]) a, (float[]) b, o);
      case INT32 -> Comparisons.eval(p.kernel(), (int[]) a, (int[]) b, o);
      case INT64 -> Comparisons.eval(p.kernel(), (long[]) a, (long[]) b, o);
      case BOOL -> Comparisons.evalBool(p.kernel(), (byte[]) a, (byte[]) b, o);
      default -> Comparisons.evalInt8(p.kernel(), (byte[]) a, (byte[]) b, o);
    }
  }

  /** {@code ComparisonParams}: seven ints and the broadcast flag. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(32);
  }
}
