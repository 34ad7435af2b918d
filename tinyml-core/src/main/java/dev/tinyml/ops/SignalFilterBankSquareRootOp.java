package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.FilterBankSquareRoot;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** {@code SignalFilterBankSquareRoot}: the square roots of uint64 band sums, scaled down. */
public final class SignalFilterBankSquareRootOp
    extends SignalOp<SignalFilterBankSquareRootOp.Plan> {

  /**
   * A prepared square root.
   *
   * @param input input tensor index
   * @param scaleBits the scalar scale-bits tensor index
   * @param output output tensor index
   */
  public record Plan(int input, int scaleBits, int output) implements OpPlan {}

  /** The op. */
  public SignalFilterBankSquareRootOp() {
    super("SignalFilterBankSquareRoot");
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0, TensorType.UINT64, "input");
    Tensor bits = c.input(1, TensorType.INT32, "scale bits");
    Tensor out = c.output(0, TensorType.UINT32, "output");
    if (out.elementCount() != in.elementCount() || bits.elementCount() != 1) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + " must match output "
              + OpContext.describe(out)
              + " and scale bits must be a scalar");
    }
    return new Plan(c.in(0), c.in(1), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    FilterBankSquareRoot.eval(
        (long[]) t[p.input()], ((int[]) t[p.scaleBits()])[0], (int[]) t[p.output()]);
  }
}
