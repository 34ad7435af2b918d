package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.SpectralSubtraction;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Arrays;

/**
 * {@code SignalFilterBankSpectralSubtraction}: subtracts a running noise estimate, kept per
 * interpreter across invokes, from each band.
 */
public final class SignalFilterBankSpectralSubtractionOp
    extends SignalOp<SignalFilterBankSpectralSubtractionOp.Plan> {

  /**
   * A prepared spectral subtraction.
   *
   * @param opIndex the op's index, keying its noise estimate in {@link Scratch#state}
   * @param subtraction the smoothing and clamping parameters
   * @param input input tensor index
   * @param output output tensor index
   * @param noise noise estimate output tensor index
   */
  public record Plan(int opIndex, SpectralSubtraction subtraction, int input, int output, int noise)
      implements OpPlan {
    @Override
    public OpState newState() {
      return new NoiseState(new int[subtraction.channels()]);
    }
  }

  /** The noise estimate kept across invokes; zero when fresh, as TFLM's prepare leaves it. */
  private record NoiseState(int[] noise) implements OpState {
    @Override
    public void reset() {
      Arrays.fill(noise, 0);
    }
  }

  /** The op. */
  public SignalFilterBankSpectralSubtractionOp() {
    super("SignalFilterBankSpectralSubtraction");
  }

  @Override
  public Plan prepare(OpContext c) {
    FlexOptions m = FlexOptions.of(c);
    SpectralSubtraction p =
        new SpectralSubtraction(
            m.intOption("num_channels"),
            m.intOption("smoothing"),
            m.intOption("one_minus_smoothing"),
            m.intOption("alternate_smoothing"),
            m.intOption("alternate_one_minus_smoothing"),
            m.intOption("min_signal_remaining"),
            m.intOption("smoothing_bits"),
            m.intOption("spectral_subtraction_bits"),
            m.boolOption("clamping"));
    Tensor in = c.input(0, TensorType.UINT32, "input");
    Tensor out = c.output(0, TensorType.UINT32, "output");
    Tensor noise = c.output(1, TensorType.UINT32, "noise estimate output");
    int n = p.channels();
    if (n <= 0
        || in.elementCount() != n
        || out.elementCount() != n
        || noise.elementCount() != n
        || p.smoothingBits() < 0
        || p.smoothingBits() > 31
        || p.spectralSubtractionBits() < 0
        || p.spectralSubtractionBits() > 63) {
      throw c.fail(
          "num_channels "
              + n
              + " must match input "
              + OpContext.describe(in)
              + ", outputs "
              + OpContext.describe(out)
              + " and "
              + OpContext.describe(noise)
              + ", and the bit counts must be shifts");
    }
    return new Plan(c.index(), p, c.in(0), c.out(0), c.out(1));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    int[] state = ((NoiseState) s.state(p.opIndex())).noise;
    p.subtraction().eval((int[]) t[p.input()], (int[]) t[p.output()], state);
    System.arraycopy(state, 0, (int[]) t[p.noise()], 0, state.length);
  }
}
