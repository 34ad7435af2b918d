package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.Window;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** {@code SignalWindow}: multiplies int16 frames by int16 weights and shifts right. */
public final class SignalWindowOp extends SignalOp<SignalWindowOp.Plan> {

  /**
   * A prepared window.
   *
   * @param shift the right shift after the product
   * @param input input tensor index
   * @param weights weights tensor index
   * @param output output tensor index
   */
  public record Plan(int shift, int input, int weights, int output) implements OpPlan {}

  /** The op. */
  public SignalWindowOp() {
    super("SignalWindow");
  }

  @Override
  public Plan prepare(OpContext c) {
    int shift = FlexOptions.of(c).intOption("shift");
    Tensor in = c.input(0, TensorType.INT16, "input");
    Tensor w = c.input(1, TensorType.INT16, "weights");
    Tensor out = c.output(0, TensorType.INT16, "output");
    if (!isShift(shift, 31)) {
      throw c.fail("shift " + shift + " is outside 0..31");
    }
    if (w.shape().length != 1
        || w.elementCount() == 0
        || in.elementCount() % w.elementCount() != 0
        || out.elementCount() != in.elementCount()) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + " must be whole frames of the 1-D weights "
              + OpContext.describe(w)
              + " and match output "
              + OpContext.describe(out));
    }
    return new Plan(shift, c.in(0), c.in(1), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Window.eval(
        (short[]) t[p.input()], (short[]) t[p.weights()], p.shift(), (short[]) t[p.output()]);
  }
}
