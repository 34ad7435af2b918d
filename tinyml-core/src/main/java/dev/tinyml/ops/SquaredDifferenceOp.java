package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SquaredDifference;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** SQUARED_DIFFERENCE with broadcasting: float32, int32, int8 and int16 (zero points 0). */
public final class SquaredDifferenceOp extends BuiltinOp<SquaredDifferenceOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared op.
   *
   * @param kernel the kernel plan
   * @param type the element type
   * @param input1 first input tensor index
   * @param input2 second input tensor index
   * @param output output tensor index
   */
  public record Plan(
      SquaredDifference.Plan kernel, TensorType type, int input1, int input2, int output)
      implements OpPlan {}

  /** The op. */
  public SquaredDifferenceOp() {
    super(BuiltinOperator.SQUARED_DIFFERENCE, 2, "AddSquaredDifference");
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor a = c.input(0);
    Tensor b = c.input(1);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, a, b);
    OpInputs.requireSameType(c, a, out);
    SquaredDifference.Plan p =
        c.kernelPlan(
            () ->
                switch (a.type()) {
                  case FLOAT32, INT32 -> SquaredDifference.plan(a.shape(), b.shape());
                  case INT8, INT16 -> {
                    if (a.type() == TensorType.INT16
                        && (c.zeroPoint(a) != 0 || c.zeroPoint(b) != 0 || c.zeroPoint(out) != 0)) {
                      throw c.fail("int16 inputs and output need zero point 0, as TFLM requires");
                    }
                    yield SquaredDifference.planQuantized(
                        a.shape(),
                        c.scale(a),
                        c.zeroPoint(a),
                        b.shape(),
                        c.scale(b),
                        c.zeroPoint(b),
                        c.scale(out),
                        c.zeroPoint(out),
                        a.type() == TensorType.INT8 ? 8 : 16);
                  }
                  default -> throw c.unsupportedTypes();
                });
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, a.type(), c.in(0), c.in(1), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Object a = t[p.input1()];
    Object b = t[p.input2()];
    Object o = t[p.output()];
    switch (p.type()) {
      case FLOAT32 -> SquaredDifference.eval(p.kernel(), (float[]) a, (float[]) b, (float[]) o);
      case INT32 -> SquaredDifference.eval(p.kernel(), (int[]) a, (int[]) b, (int[]) o);
      case INT8 -> SquaredDifference.eval(p.kernel(), (byte[]) a, (byte[]) b, (byte[]) o);
      default -> SquaredDifference.eval(p.kernel(), (short[]) a, (short[]) b, (short[]) o);
    }
  }

  /** A broadcast flag before the 8-aligned {@code ArithmeticParams} (104 bytes). */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(112);
  }
}
