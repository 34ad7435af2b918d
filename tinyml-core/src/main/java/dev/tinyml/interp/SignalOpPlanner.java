package dev.tinyml.interp;

import com.google.flatbuffers.ArrayReadWriteBuf;
import com.google.flatbuffers.FlexBuffers;
import dev.tinyml.interp.kernels.signal.Energy;
import dev.tinyml.interp.kernels.signal.FftAutoScale;
import dev.tinyml.interp.kernels.signal.FilterBank;
import dev.tinyml.interp.kernels.signal.FilterBankLog;
import dev.tinyml.interp.kernels.signal.FilterBankSquareRoot;
import dev.tinyml.interp.kernels.signal.Pcan;
import dev.tinyml.interp.kernels.signal.Rfft;
import dev.tinyml.interp.kernels.signal.SpectralSubtraction;
import dev.tinyml.interp.kernels.signal.Window;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * Validates and plans the TFLM signal-library custom ops. Their options are FlexBuffers maps (TFLM
 * reads them by the index of the sorted key, which is the same as reading them by name).
 */
final class SignalOpPlanner {

  private SignalOpPlanner() {}

  /** The custom op names the interpreter implements. */
  static final List<String> NAMES =
      List.of(
          "SignalWindow",
          "SignalFftAutoScale",
          "SignalRfft",
          "SignalEnergy",
          "SignalFilterBank",
          "SignalFilterBankSquareRoot",
          "SignalFilterBankSpectralSubtraction",
          "SignalPCAN",
          "SignalFilterBankLog");

  /** TFLM registers every signal op in version 1. */
  static final int MAX_VERSION = 1;

  static OpPlanner.Prepared prepare(OpContext c, String name) {
    return switch (name) {
      case "SignalWindow" -> window(c);
      case "SignalFftAutoScale" -> fftAutoScale(c);
      case "SignalRfft" -> rfft(c);
      case "SignalEnergy" -> energy(c);
      case "SignalFilterBank" -> filterBank(c);
      case "SignalFilterBankSquareRoot" -> squareRoot(c);
      case "SignalFilterBankSpectralSubtraction" -> spectralSubtraction(c);
      case "SignalPCAN" -> pcan(c);
      case "SignalFilterBankLog" -> filterBankLog(c);
      default -> throw c.fail("unsupported custom op " + name);
    };
  }

  private static FlexBuffers.Map options(OpContext c) {
    byte[] bytes = c.op.customOptions();
    if (bytes == null || bytes.length == 0) {
      throw c.fail("has no custom options; the model file is incomplete, re-convert it");
    }
    try {
      FlexBuffers.Reference root = FlexBuffers.getRoot(new ArrayReadWriteBuf(bytes, bytes.length));
      if (!root.isMap()) {
        throw c.fail("custom options are not a FlexBuffers map; the model file is corrupt");
      }
      return root.asMap();
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw c.fail("custom options are not valid FlexBuffers (" + e + "); the model is corrupt", e);
    }
  }

  private static int intOption(OpContext c, FlexBuffers.Map m, String key) {
    FlexBuffers.Reference r = m.get(key);
    if (!r.isIntOrUInt() && !r.isBoolean()) {
      throw c.fail("custom options lack the integer '" + key + "'; re-convert the model");
    }
    long v = r.asLong();
    if (v != (int) v) {
      throw c.fail("custom option '" + key + "' = " + v + " does not fit in 32 bits");
    }
    return (int) v;
  }

  private static boolean boolOption(OpContext c, FlexBuffers.Map m, String key) {
    FlexBuffers.Reference r = m.get(key);
    if (r.isBoolean()) {
      return r.asBoolean();
    }
    return intOption(c, m, key) != 0;
  }

  private static void requireType(OpContext c, Tensor t, TensorType type, String role) {
    if (t.type() != type) {
      throw c.fail(role + " " + OpContext.describe(t) + " must be " + type);
    }
  }

  private static void requireCount(OpContext c, Tensor t, int count, String role) {
    if (t.elementCount() < count) {
      throw c.fail(role + " " + OpContext.describe(t) + " needs at least " + count + " elements");
    }
  }

  private static int lastDim(Tensor t) {
    int[] s = t.shape();
    return s.length == 0 ? 1 : s[s.length - 1];
  }

  private static OpPlanner.Prepared window(OpContext c) {
    int shift = intOption(c, options(c), "shift");
    Tensor in = c.input(0);
    Tensor w = c.input(1);
    Tensor out = c.output(0);
    requireType(c, in, TensorType.INT16, "input");
    requireType(c, w, TensorType.INT16, "weights");
    requireType(c, out, TensorType.INT16, "output");
    if (shift < 0 || shift > 31) {
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
    int ii = c.in(0);
    int wi = c.in(1);
    int oi = c.out(0);
    return new OpPlanner.Prepared(
        (t, s) -> Window.eval((short[]) t[ii], (short[]) t[wi], shift, (short[]) t[oi]), 0, 0);
  }

  private static OpPlanner.Prepared fftAutoScale(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    Tensor bits = c.output(1);
    requireType(c, in, TensorType.INT16, "input");
    requireType(c, out, TensorType.INT16, "output");
    requireType(c, bits, TensorType.INT32, "scale bits output");
    if (in.elementCount() != out.elementCount() || bits.elementCount() != 1) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + " must match output "
              + OpContext.describe(out)
              + " and "
              + OpContext.describe(bits)
              + " must be a scalar");
    }
    int ii = c.in(0);
    int oi = c.out(0);
    int bi = c.out(1);
    return new OpPlanner.Prepared(
        (t, s) -> ((int[]) t[bi])[0] = FftAutoScale.eval((short[]) t[ii], (short[]) t[oi]), 0, 0);
  }

  private static OpPlanner.Prepared rfft(OpContext c) {
    FlexBuffers.Map m = options(c);
    int fftLength = intOption(c, m, "fft_length");
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
    int ii = c.in(0);
    int oi = c.out(0);
    int k = c.index;
    return new OpPlanner.Prepared(
        (t, s) -> ((RfftState) s.states[k]).rfft.eval((short[]) t[ii], (short[]) t[oi]),
        0,
        0,
        () -> new RfftState(new Rfft(fftLength, frame)));
  }

  /** The transform's work buffers: per interpreter, nothing to reset. */
  private record RfftState(Rfft rfft) implements OpState {
    @Override
    public void reset() {}
  }

  private static OpPlanner.Prepared energy(OpContext c) {
    FlexBuffers.Map m = options(c);
    int start = intOption(c, m, "start_index");
    int end = intOption(c, m, "end_index");
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireType(c, in, TensorType.INT16, "input");
    requireType(c, out, TensorType.UINT32, "output");
    if (start < 0 || end < start || end > out.elementCount() || 2 * end > in.elementCount()) {
      throw c.fail(
          "bins ["
              + start
              + ", "
              + end
              + ") do not fit input "
              + OpContext.describe(in)
              + " and output "
              + OpContext.describe(out));
    }
    int ii = c.in(0);
    int oi = c.out(0);
    return new OpPlanner.Prepared(
        (t, s) -> Energy.eval((short[]) t[ii], start, end, (int[]) t[oi]), 0, 0);
  }

  private static OpPlanner.Prepared filterBank(OpContext c) {
    int channels = intOption(c, options(c), "num_channels");
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireType(c, in, TensorType.UINT32, "input");
    requireType(c, out, TensorType.UINT64, "output");
    short[][] config = new short[5][];
    String[] roles = {
      "weights", "unweights", "channel frequency starts", "weight starts", "widths"
    };
    for (int i = 0; i < 5; i++) {
      requireType(c, c.input(i + 1), TensorType.INT16, roles[i]);
      config[i] = (short[]) c.requireConstant(i + 1, roles[i]);
    }
    if (channels <= 0 || out.elementCount() != channels) {
      throw c.fail("output " + OpContext.describe(out) + " must hold num_channels " + channels);
    }
    for (int i = 2; i < 5; i++) {
      requireCount(c, c.input(i + 1), channels + 1, roles[i]);
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
    int ii = c.in(0);
    int oi = c.out(0);
    return new OpPlanner.Prepared(
        (t, s) ->
            FilterBank.eval(
                (int[]) t[ii],
                config[0],
                config[1],
                config[2],
                config[3],
                config[4],
                (long[]) t[oi]),
        0,
        0);
  }

  private static OpPlanner.Prepared squareRoot(OpContext c) {
    Tensor in = c.input(0);
    Tensor bits = c.input(1);
    Tensor out = c.output(0);
    requireType(c, in, TensorType.UINT64, "input");
    requireType(c, bits, TensorType.INT32, "scale bits");
    requireType(c, out, TensorType.UINT32, "output");
    if (out.elementCount() != in.elementCount() || bits.elementCount() != 1) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + " must match output "
              + OpContext.describe(out)
              + " and scale bits must be a scalar");
    }
    int ii = c.in(0);
    int bi = c.in(1);
    int oi = c.out(0);
    return new OpPlanner.Prepared(
        (t, s) -> FilterBankSquareRoot.eval((long[]) t[ii], ((int[]) t[bi])[0], (int[]) t[oi]),
        0,
        0);
  }

  private static OpPlanner.Prepared spectralSubtraction(OpContext c) {
    FlexBuffers.Map m = options(c);
    SpectralSubtraction p =
        new SpectralSubtraction(
            intOption(c, m, "num_channels"),
            intOption(c, m, "smoothing"),
            intOption(c, m, "one_minus_smoothing"),
            intOption(c, m, "alternate_smoothing"),
            intOption(c, m, "alternate_one_minus_smoothing"),
            intOption(c, m, "min_signal_remaining"),
            intOption(c, m, "smoothing_bits"),
            intOption(c, m, "spectral_subtraction_bits"),
            boolOption(c, m, "clamping"));
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    Tensor noise = c.output(1);
    requireType(c, in, TensorType.UINT32, "input");
    requireType(c, out, TensorType.UINT32, "output");
    requireType(c, noise, TensorType.UINT32, "noise estimate output");
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
    int ii = c.in(0);
    int oi = c.out(0);
    int ni = c.out(1);
    int k = c.index;
    return new OpPlanner.Prepared(
        (t, s) -> {
          int[] state = ((NoiseState) s.states[k]).noise;
          p.eval((int[]) t[ii], (int[]) t[oi], state);
          System.arraycopy(state, 0, (int[]) t[ni], 0, n);
        },
        0,
        0,
        () -> new NoiseState(new int[n]));
  }

  /** The noise estimate kept across invokes; zero when fresh, as TFLM's prepare leaves it. */
  private record NoiseState(int[] noise) implements OpState {
    @Override
    public void reset() {
      Arrays.fill(noise, 0);
    }
  }

  private static OpPlanner.Prepared pcan(OpContext c) {
    int snrShift = intOption(c, options(c), "snr_shift");
    Tensor in = c.input(0);
    Tensor noise = c.input(1);
    Tensor lut = c.input(2);
    Tensor out = c.output(0);
    requireType(c, in, TensorType.UINT32, "input");
    requireType(c, noise, TensorType.UINT32, "noise estimate");
    requireType(c, lut, TensorType.INT16, "gain table");
    requireType(c, out, TensorType.UINT32, "output");
    requireCount(c, lut, Pcan.LUT_SIZE, "gain table");
    if (noise.elementCount() != in.elementCount()
        || out.elementCount() != in.elementCount()
        || snrShift < 0
        || snrShift > 63) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + ", noise estimate and output "
              + OpContext.describe(out)
              + " must have one value per channel, and snr_shift "
              + snrShift
              + " must be a shift");
    }
    int ii = c.in(0);
    int ni = c.in(1);
    int li = c.in(2);
    int oi = c.out(0);
    return new OpPlanner.Prepared(
        (t, s) -> Pcan.eval((int[]) t[ii], (int[]) t[ni], (short[]) t[li], snrShift, (int[]) t[oi]),
        0,
        0);
  }

  private static OpPlanner.Prepared filterBankLog(OpContext c) {
    FlexBuffers.Map m = options(c);
    int correction = intOption(c, m, "input_correction_bits");
    int scale = intOption(c, m, "output_scale");
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    requireType(c, in, TensorType.UINT32, "input");
    requireType(c, out, TensorType.INT16, "output");
    if (out.elementCount() != in.elementCount() || correction < 0 || correction > 31) {
      throw c.fail(
          "input "
              + OpContext.describe(in)
              + " must match output "
              + OpContext.describe(out)
              + " and input_correction_bits "
              + correction
              + " must be in 0..31");
    }
    int ii = c.in(0);
    int oi = c.out(0);
    return new OpPlanner.Prepared(
        (t, s) -> FilterBankLog.eval((int[]) t[ii], correction, scale, (short[]) t[oi]), 0, 0);
  }
}
