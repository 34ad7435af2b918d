package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.FilterBank;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** {@code SignalFilterBank}: triangular mel bands over uint32 energies into uint64 sums. */
public final class SignalFilterBankOp extends SignalOp<SignalFilterBankOp.Plan> {

  private static final String[] ROLES = {
    "weights", "unweights", "channel frequency starts", "weight starts", "widths"
  };

  /**
   * A prepared filter bank; the band tables are the op's constant inputs 1 to 5.
   *
   * @param weights the rising-edge weights
   * @param unweights the falling-edge weights
   * @param channelFrequencyStarts each band's first input bin
   * @param channelWeightStarts each band's first weight
   * @param channelWidths each band's bin count
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(
      short[] weights,
      short[] unweights,
      short[] channelFrequencyStarts,
      short[] channelWeightStarts,
      short[] channelWidths,
      int input,
      int output)
      implements OpPlan {}

  /** The op. */
  public SignalFilterBankOp() {
    super("SignalFilterBank");
  }

  @Override
  public Plan prepare(OpContext c) {
    int channels = FlexOptions.of(c).intOption("num_channels");
    Io io = io(c, TensorType.UINT32, TensorType.UINT64);
    Tensor in = io.in();
    Tensor out = io.out();
    short[][] config = new short[5][];
    for (int i = 0; i < 5; i++) {
      c.requireType(c.input(i + 1), TensorType.INT16, ROLES[i]);
      config[i] = (short[]) c.requireConstant(i + 1, ROLES[i]);
    }
    if (channels <= 0 || out.elementCount() != channels) {
      throw c.fail("output " + OpContext.describe(out) + " must hold num_channels " + channels);
    }
    for (int i = 2; i < 5; i++) {
      c.requireCount(c.input(i + 1), channels + 1, ROLES[i]);
    }
    // Every tap must read inside the input and the weight tables: check once, here.
    for (int ch = 0; ch <= channels; ch++) {
      int freq = config[2][ch];
      int weight = config[3][ch];
      int width = config[4][ch];
      if (freq < 0
          || weight < 0
          || width < 0
          || freq + width > in.elementCount()
          || weight + width > config[0].length
          || weight + width > config[1].length) {
        throw c.fail(
            "band "
                + ch
                + " (start "
                + freq
                + ", weight start "
                + weight
                + ", width "
                + width
                + ") reads outside input "
                + OpContext.describe(in)
                + " or the weight tables");
      }
    }
    return new Plan(config[0], config[1], config[2], config[3], config[4], c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    FilterBank.eval(
        (int[]) t[p.input()],
        p.weights(),
        p.unweights(),
        p.channelFrequencyStarts(),
        p.channelWeightStarts(),
        p.channelWidths(),
        (long[]) t[p.output()]);
  }
}
