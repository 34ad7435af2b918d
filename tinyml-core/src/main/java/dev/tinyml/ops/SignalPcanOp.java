package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.Pcan;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** {@code SignalPCAN}: per-channel amplitude normalization against the noise estimate. */
public final class SignalPcanOp extends SignalOp<SignalPcanOp.Plan> {

  /**
   * A prepared PCAN.
   *
   * @param snrShift the signal-to-noise shift
   * @param input input tensor index
   * @param noise noise estimate tensor index
   * @param gainTable gain lookup table tensor index
   * @param output output tensor index
   */
  public record Plan(int snrShift, int input, int noise, int gainTable, int output)
      implements OpPlan {}

  /** The op. */
  public SignalPcanOp() {
    super("SignalPCAN");
  }

  @Override
  public Plan prepare(OpContext c) {
    int snrShift = FlexOptions.of(c).intOption("snr_shift");
    Tensor in = c.input(0, TensorType.UINT32, "input");
    Tensor noise = c.input(1, TensorType.UINT32, "noise estimate");
    Tensor lut = c.input(2, TensorType.INT16, "gain table");
    Tensor out = c.output(0, TensorType.UINT32, "output");
    c.requireCount(lut, Pcan.LUT_SIZE, "gain table");
    if (noise.elementCount() != in.elementCount()
        || out.elementCount() != in.elementCount()
        || !isShift(snrShift, 63)) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + ", noise estimate and output "
              + OpContext.describe(out)
              + " must have one value per channel, and snr_shift "
              + snrShift
              + " must be a shift");
    }
    return new Plan(snrShift, c.in(0), c.in(1), c.in(2), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Pcan.eval(
        (int[]) t[p.input()],
        (int[]) t[p.noise()],
        (short[]) t[p.gainTable()],
        p.snrShift(),
        (int[]) t[p.output()]);
  }
}
