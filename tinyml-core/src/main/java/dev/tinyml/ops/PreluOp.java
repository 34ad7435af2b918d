package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Prelu;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** PRELU with a broadcast alpha: float32, int8 (int8 alpha) or int16 (int8 alpha). */
public final class PreluOp extends BuiltinOp<PreluOp.Plan> implements TflmFootprint, Int8Rules {

  /**
   * A prepared PRELU.
   *
   * @param prelu the kernel plan
   * @param type the input's element type
   * @param input input tensor index
   * @param alpha alpha tensor index
   * @param output output tensor index
   */
  public record Plan(Prelu.Plan prelu, TensorType type, int input, int alpha, int output)
      implements OpPlan {}

  /** The op. */
  public PreluOp() {
    super(BuiltinOperator.PRELU, 1, "AddPrelu");
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor alpha = c.input(1);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    Prelu.Plan p;
    try {
      if (in.type() == TensorType.FLOAT32 && alpha.type() == TensorType.FLOAT32) {
        p = Prelu.planFloat(in.shape(), alpha.shape());
      } else if ((in.type() == TensorType.INT8 || in.type() == TensorType.INT16)
          && alpha.type() == TensorType.INT8) {
        p =
            Prelu.planQuantized(
                in.shape(),
                c.scale(in),
                c.zeroPoint(in),
                alpha.shape(),
                c.scale(alpha),
                c.zeroPoint(alpha),
                c.scale(out),
                c.zeroPoint(out));
      } else {
        throw c.unsupportedTypes();
      }
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, in.type(), c.in(0), c.in(1), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    switch (p.type()) {
      case FLOAT32 ->
          Prelu.eval(
              p.prelu(), (float[]) t[p.input()], (float[]) t[p.alpha()], (float[]) t[p.output()]);
      case INT8 ->
          Prelu.eval(
              p.prelu(), (byte[]) t[p.input()], (byte[]) t[p.alpha()], (byte[]) t[p.output()]);
      default ->
          Prelu.eval(
              p.prelu(), (short[]) t[p.input()], (byte[]) t[p.alpha()], (short[]) t[p.output()]);
    }
  }

  /** {@code PreluParams}: three offsets and two multiplier-shift pairs. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(28);
  }

  /** Input, slope and output each have their own parameters; the kernel rescales both halves. */
  @Override
  public int int8Version(OpNode quantized) {
    return 1;
  }
}
