package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.FilterBankLog;
import dev.tinyml.tflite.TensorType;

/** {@code SignalFilterBankLog}: the scaled natural log of uint32 bands into int16. */
public final class SignalFilterBankLogOp extends SignalOp<SignalFilterBankLogOp.Plan> {

  /**
   * A prepared log.
   *
   * @param inputCorrectionBits the left shift undoing earlier scaling
   * @param outputScale the output multiplier
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(int inputCorrectionBits, int outputScale, int input, int output)
      implements OpPlan {}

  /** The op. */
  public SignalFilterBankLogOp() {
    super("SignalFilterBankLog");
  }

  @Override
  public Plan prepare(OpContext c) {
    FlexOptions m = FlexOptions.of(c);
    int correction = m.intOption("input_correction_bits");
    int scale = m.intOption("output_scale");
    Io io = io(c, TensorType.UINT32, TensorType.INT16);
    if (!io.sameCount() || !isShift(correction, 31)) {
      throw c.fail(
          io.mustMatch() + " and input_correction_bits " + correction + " must be in 0..31");
    }
    return new Plan(correction, scale, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    FilterBankLog.eval(
        (int[]) t[p.input()], p.inputCorrectionBits(), p.outputScale(), (short[]) t[p.output()]);
  }
}
