package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.ops.kernels.BinaryOps;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.function.Function;

/**
 * What ADD, SUB and MUL share: float32 and int8 with broadcasting, int16 for ADD and MUL, and their
 * int32 form.
 */
public abstract class ArithmeticOp extends BuiltinOp<ArithmeticOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared ADD, SUB or MUL: exactly one of {@code arithmetic} and {@code int32} is set.
   *
   * @param arithmetic the float32, int8 or int16 plan (offsets, multipliers, shifts, clamps), or
   *     null
   * @param isFloat true when {@code arithmetic} is the float kernel's
   * @param int32 the int32 plan, or null
   * @param x first input tensor index
   * @param y second input tensor index
   * @param output output tensor index
   * @param isInt16 true when {@code arithmetic} is the int16 kernel's
   */
  public record Plan(
      Arithmetic.Plan arithmetic,
      boolean isFloat,
      BroadcastBinaryOp.Plan int32,
      int x,
      int y,
      int output,
      boolean isInt16)
      implements OpPlan {}

  private final Arithmetic.Op op;
  private final int opData;
  private final Function<OpContext, Activation> activation;

  /**
   * @param op the kernel's operation
   * @param builtin the builtin code
   * @param maxVersion the newest version the kernel implements
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it
   * @param opData the size of the TFLM kernel's {@code OpData}
   * @param options the op's options record
   * @param fusedActivation its fused activation field
   */
  <O extends BuiltinOptions> ArithmeticOp(
      Arithmetic.Op op,
      BuiltinOperator builtin,
      int maxVersion,
      String resolverMethod,
      int opData,
      Class<O> options,
      Function<O, ActivationFunctionType> fusedActivation) {
    super(builtin, maxVersion, resolverMethod);
    this.op = op;
    this.opData = opData;
    this.activation = c -> c.fusedActivation(options, fusedActivation);
  }

  /** {@code TfLiteAddParams} and {@code TfLiteSubParams}: an activation enum and a bool. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(abi.byEnums(new CStruct(2, 1), new CStruct(8, 4)), opData);
  }

  /**
   * ADD and MUL take int16 activations: TFLM's int16 ADD is the int8 arithmetic with a pre-shift of
   * 15, its int16 MUL the int8 arithmetic with zero points 0 and an int16 clamp. SUB has no int16
   * kernel.
   */
  @Override
  public boolean takesInt16Activations() {
    return op != Arithmetic.Op.SUB;
  }

  @Override
  public Plan prepare(OpContext c) {
    Activation act = activation.apply(c);
    Tensor x = c.input(0);
    Tensor y = c.input(1);
    Tensor out = c.output(0);
    if (x.type() == TensorType.INT32
        && y.type() == TensorType.INT32
        && out.type() == TensorType.INT32) {
      // TFLM's int32 ADD clamps to the full int32 range whatever the fused activation says.
      BroadcastBinaryOp.Plan p =
          BroadcastBinaryOp.plan(
              c,
              BinaryOps.Op.valueOf(op.name()),
              TensorType.INT32,
              op == Arithmetic.Op.ADD ? Activation.NONE : act);
      return new Plan(null, false, p, c.in(0), c.in(1), c.out(0), false);
    }
    try {
      if (x.type() == TensorType.FLOAT32
          && y.type() == TensorType.FLOAT32
          && out.type() == TensorType.FLOAT32) {
        Arithmetic.Plan p = Arithmetic.prepareFloat(op, x.shape(), y.shape(), act);
        checkSize(c, p, out);
        return new Plan(p, true, null, c.in(0), c.in(1), c.out(0), false);
      }
      boolean int8 = ofType(TensorType.INT8, x, y, out);
      if (int8 || (ofType(TensorType.INT16, x, y, out) && op != Arithmetic.Op.SUB)) {
        float xScale = c.scale(x);
        int xZero = c.zeroPoint(x);
        float yScale = c.scale(y);
        int yZero = c.zeroPoint(y);
        float outScale = c.scale(out);
        int outZero = c.zeroPoint(out);
        int[] xs = x.shape();
        int[] ys = y.shape();
        Arithmetic.Plan p =
            Arithmetic.prepareQuantized(
                op, xs, ys, xScale, xZero, yScale, yZero, outScale, outZero, act, !int8);
        checkSize(c, p, out);
        return new Plan(p, false, null, c.in(0), c.in(1), c.out(0), !int8);
      }
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    throw c.unsupportedTypes();
  }

  private static boolean ofType(TensorType type, Tensor x, Tensor y, Tensor out) {
    return x.type() == type && y.type() == type && out.type() == type;
  }

  private static void checkSize(OpContext c, Arithmetic.Plan p, Tensor out) {
    if (p.broadcast().size() != out.elementCount()) {
      throw c.fail(
          "output " + OpContext.describe(out) + " does not have the broadcast shape of the inputs");
    }
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.int32() != null) {
      BroadcastBinaryOp.run(p.int32(), t);
    } else if (p.isFloat()) {
      Arithmetic.evalFloat(
          p.arithmetic(), (float[]) t[p.x()], (float[]) t[p.y()], (float[]) t[p.output()]);
    } else if (p.isInt16()) {
      Arithmetic.evalInt16(
          p.arithmetic(), (short[]) t[p.x()], (short[]) t[p.y()], (short[]) t[p.output()]);
    } else {
      Arithmetic.evalInt8(
          p.arithmetic(), (byte[]) t[p.x()], (byte[]) t[p.y()], (byte[]) t[p.output()]);
    }
  }
}
