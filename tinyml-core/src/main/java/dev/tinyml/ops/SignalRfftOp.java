package dev.tinyml.ops;

import dev.tinyml.ops.kernels.signal.Rfft;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** {@code SignalRfft}: the int16 real FFT of each frame. */
public final class SignalRfftOp extends SignalOp<SignalRfftOp.Plan> {

  /**
   * A prepared RFFT; each interpreter gets its own transform (work buffers).
   *
   * @param opIndex the op's index, keying its state in {@link Scratch#state}
   * @param fftLength the transform length (a power of two)
   * @param frame input samples per frame
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(int opIndex, int fftLength, int frame, int input, int output)
      implements OpPlan {
    @Override
    public OpState newState() {
      return new RfftState(new Rfft(fftLength, frame));
    }
  }

  /** The transform's work buffers: per interpreter, nothing to reset. */
  private record RfftState(Rfft rfft) implements OpState {
    @Override
    public void reset() {}
  }

  /** The op. */
  public SignalRfftOp() {
    super("SignalRfft");
  }

  @Override
  public Plan prepare(OpContext c) {
    int fftLength = FlexOptions.of(c).intOption("fft_length");
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if (in.type() != TensorType.INT16 || out.type() != TensorType.INT16) {
      throw c.fail(
          "only the int16 RFFT is implemented; input "
              + OpContext.describe(in)
              + ", output "
              + OpContext.describe(out));
    }
    int frame = lastDim(in);
    int bins = fftLength / 2 + 1;
    if (fftLength < 4 || Integer.bitCount(fftLength) != 1 || frame > fftLength || frame == 0) {
      throw c.fail(
          "fft_length "
              + fftLength
              + " must be a power of two of at least 4 and hold the input frame of "
              + frame);
    }
    int frames = in.elementCount() / frame;
    if (lastDim(out) != 2 * bins || out.elementCount() != frames * 2 * bins) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " must hold "
              + bins
              + " complex bins per frame of input "
              + OpContext.describe(in));
    }
    return new Plan(c.index(), fftLength, frame, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    ((RfftState) s.state(p.opIndex())).rfft.eval((short[]) t[p.input()], (short[]) t[p.output()]);
  }
}
