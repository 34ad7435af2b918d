package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Comparisons;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/**
 * EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS and LESS_EQUAL with broadcasting and a BOOL
 * output: float32, int32, int64, int8 (compared by real value) and, for (NOT_)EQUAL, bool.
 */
public final class ComparisonOp implements Op<ComparisonOp.Plan>, TflmFootprint, Int8Rules {

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

  private final BuiltinOperator builtin;
  private final Comparisons.Op op;

  /** The op for one of the six comparison builtins. */
  public ComparisonOp(BuiltinOperator builtin) {
    this.builtin = builtin;
    this.op =
        switch (builtin) {
          case EQUAL -> Comparisons.Op.EQUAL;
          case NOT_EQUAL -> Comparisons.Op.NOT_EQUAL;
          case GREATER -> Comparisons.Op.GREATER;
          case GREATER_EQUAL -> Comparisons.Op.GREATER_EQUAL;
          case LESS -> Comparisons.Op.LESS;
          case LESS_EQUAL -> Comparisons.Op.LESS_EQUAL;
          default -> throw new IllegalArgumentException(builtin + " is not a comparison");
        };
  }

  @Override
  public BuiltinOperator builtin() {
    return builtin;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of(
        switch (op) {
          case EQUAL -> "AddEqual";
          case NOT_EQUAL -> "AddNotEqual";
          case GREATER -> "AddGreater";
          case GREATER_EQUAL -> "AddGreaterEqual";
          case LESS -> "AddLess";
          case LESS_EQUAL -> "AddLessEqual";
        });
  }

  @Override
  public int maxVersion() {
    return 2;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor a = c.input(0);
    Tensor b = c.input(1);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, a, b);
    c.requireType(out, TensorType.BOOL, "output");
    boolean equality = op == Comparisons.Op.EQUAL || op == Comparisons.Op.NOT_EQUAL;
    Comparisons.Plan p;
    try {
      p =
          switch (a.type()) {
            case FLOAT32, INT32, INT64 -> Comparisons.plan(op, a.shape(), b.shape());
            case BOOL -> {
              if (!equality) {
                throw c.unsupportedTypes();
              }
              yield Comparisons.plan(op, a.shape(), b.shape());
            }
            case INT8 ->
                Comparisons.planInt8(
                    op,
                    a.shape(),
                    c.scale(a),
                    c.zeroPoint(a),
                    b.shape(),
                    c.scale(b),
                    c.zeroPoint(b));
            default -> throw c.unsupportedTypes();
          };
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, a.type(), c.in(0), c.in(1), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
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
  public int opData(OpNode node, Abi abi) {
    return 32;
  }

  /** The two inputs keep their own parameters (the kernel rescales both); the output is bool. */
  @Override
  public boolean quantizesOutputs() {
    return false;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
