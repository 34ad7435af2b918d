package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.BinaryOps;
import dev.tinyml.ops.kernels.Broadcast;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * Element-wise binary ops with broadcasting that compute in the tensors' own type (DIV, MINIMUM,
 * MAXIMUM, and the int32 forms of ADD, SUB and MUL): no requantization, a clamp from the fused
 * activation.
 */
public abstract class BroadcastBinaryOp extends BuiltinOp<BroadcastBinaryOp.Plan> {

  /**
   * A prepared binary op.
   *
   * @param op the operation
   * @param type the element type of inputs and output
   * @param broadcast the index mapping of both inputs
   * @param intMin int32 clamp low
   * @param intMax int32 clamp high
   * @param floatMin float clamp low
   * @param floatMax float clamp high
   * @param x first input tensor index
   * @param y second input tensor index
   * @param output output tensor index
   */
  public record Plan(
      BinaryOps.Op op,
      TensorType type,
      Broadcast broadcast,
      int intMin,
      int intMax,
      float floatMin,
      float floatMax,
      int x,
      int y,
      int output)
      implements OpPlan {}

  private final BinaryOps.Op op;

  BroadcastBinaryOp(
      BinaryOps.Op op, BuiltinOperator builtin, int maxVersion, String resolverMethod) {
    super(builtin, maxVersion, resolverMethod);
    this.op = op;
  }

  /** The fused activation of the op's options: NONE unless the op has one. */
  Activation activation(OpContext c) {
    return Activation.NONE;
  }

  @Override
  public Plan prepare(OpContext c) {
    Activation act = activation(c);
    Tensor x = c.input(0);
    Tensor y = c.input(1);
    Tensor out = c.output(0);
    TensorType type = out.type();
    if (x.type() != type || y.type() != type) {
      throw c.unsupportedTypes();
    }
    switch (type) {
      case INT32, FLOAT32 -> {
        return plan(c, op, type, act);
      }
      case INT8, INT16 -> {
        checkQuantized(c);
        return plan(c, op, type, Activation.NONE);
      }
      default -> throw c.unsupportedTypes();
    }
  }

  /** Fails when the op cannot run on int8 or int16 tensors. */
  void checkQuantized(OpContext c) {}

  /**
   * The plan of {@code op} on the context's two inputs of {@code type}, clamped as {@code act}
   * says: {@code CalculateActivationRange} for int32 takes the float bounds, with NONE and RELU's
   * open ends at the int32 limits (Java's float-to-int conversion saturates).
   */
  static Plan plan(OpContext c, BinaryOps.Op op, TensorType type, Activation act) {
    Tensor out = c.output(0);
    Broadcast bc = c.kernelPlan(() -> Broadcast.of(c.input(0).shape(), c.input(1).shape()));
    if (bc.size() != out.elementCount()) {
      throw c.fail(
          "output " + OpContext.describe(out) + " does not have the broadcast shape of the inputs");
    }
    return new Plan(
        op,
        type,
        bc,
        (int) act.floatMin(),
        (int) act.floatMax(),
        act.floatMin(),
        act.floatMax(),
        c.in(0),
        c.in(1),
        c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    run(p, t);
  }

  /** Runs {@code p} over the tensors. */
  static void run(Plan p, Object[] t) {
    BinaryOps.Op op = p.op();
    Broadcast bc = p.broadcast();
    Object x = t[p.x()];
    Object y = t[p.y()];
    Object out = t[p.output()];
    switch (p.type()) {
      case INT32 ->
          BinaryOps.evalInt32(op, bc, (int[]) x, (int[]) y, (int[]) out, p.intMin(), p.intMax());
      case FLOAT32 ->
          BinaryOps.evalFloat(
              op, bc, (float[]) x, (float[]) y, (float[]) out, p.floatMin(), p.floatMax());
      case INT8 -> BinaryOps.evalInt8(op, bc, (byte[]) x, (byte[]) y, (byte[]) out);
      default -> BinaryOps.evalInt16(op, bc, (short[]) x, (short[]) y, (short[]) out);
    }
  }
}
