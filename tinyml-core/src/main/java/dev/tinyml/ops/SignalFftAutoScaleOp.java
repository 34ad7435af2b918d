package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.FftAutoScale;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** {@code SignalFftAutoScale}: shifts an int16 frame left as far as it fits, and says how far. */
public final class SignalFftAutoScaleOp extends SignalOp<SignalFftAutoScaleOp.Plan> {

  /**
   * A prepared auto-scale.
   *
   * @param input input tensor index
   * @param output output tensor index
   * @param scaleBits the scalar output tensor index receiving the shift
   */
  public record Plan(int input, int output, int scaleBits) implements OpPlan {}

  /** The op. */
  public SignalFftAutoScaleOp() {
    super("SignalFftAutoScale");
  }

  @Override
  public Plan prepare(OpContext c) {
    Io io = io(c, TensorType.INT16, TensorType.INT16);
    Tensor bits = c.output(1, TensorType.INT32, "scale bits output");
    if (!io.sameCount() || bits.elementCount() != 1) {
      throw c.fail(io.mustMatch() + " and " + OpContext.describe(bits) + " must be a scalar");
    }
    return new Plan(c.in(0), c.out(0), c.out(1));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    ((int[]) t[p.scaleBits()])[0] =
        FftAutoScale.eval((short[]) t[p.input()], (short[]) t[p.output()]);
  }
}
