package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.Energy;
import dev.tinyml.tflite.TensorType;

/** {@code SignalEnergy}: the squared magnitude of complex int16 bins into uint32. */
public final class SignalEnergyOp extends SignalOp<SignalEnergyOp.Plan> {

  /**
   * A prepared energy.
   *
   * @param start first bin computed
   * @param end one past the last bin computed
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(int start, int end, int input, int output) implements OpPlan {}

  /** The op. */
  public SignalEnergyOp() {
    super("SignalEnergy");
  }

  @Override
  public Plan prepare(OpContext c) {
    FlexOptions m = FlexOptions.of(c);
    int start = m.intOption("start_index");
    int end = m.intOption("end_index");
    Io io = io(c, TensorType.INT16, TensorType.UINT32);
    if (start < 0
        || end < start
        || end > io.out().elementCount()
        || 2 * end > io.in().elementCount()) {
      throw c.fail(
          "bins ["
              + start
              + ", "
              + end
              + ") do not fit input "
              + OpContext.describe(io.in())
              + " and output "
              + OpContext.describe(io.out()));
    }
    return new Plan(start, end, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Energy.eval((short[]) t[p.input()], p.start(), p.end(), (int[]) t[p.output()]);
  }
}
