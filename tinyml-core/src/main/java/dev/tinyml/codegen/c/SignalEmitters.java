package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.SignalEnergyOp;
import dev.tinyml.ops.SignalFftAutoScaleOp;
import dev.tinyml.ops.SignalFilterBankLogOp;
import dev.tinyml.ops.SignalFilterBankOp;
import dev.tinyml.ops.SignalFilterBankSpectralSubtractionOp;
import dev.tinyml.ops.SignalFilterBankSquareRootOp;
import dev.tinyml.ops.SignalPcanOp;
import dev.tinyml.ops.SignalRfftOp;
import dev.tinyml.ops.SignalWindowOp;
import dev.tinyml.ops.kernels.signal.SpectralSubtraction;
import dev.tinyml.preprocess.KissFftQ15;
import dev.tinyml.preprocess.LogScale;
import java.util.Arrays;

/**
 * The custom ops of TFLM's signal library (the audio front-end graphs) from their plan records.
 * Tables the Java kernels compute (FFT twiddles and stage plan, the log correction table) become
 * const arrays; the spectral subtraction's noise estimate is static state, zeroed by the module's
 * reset as the interpreter's op state starts from zero.
 */
final class SignalEmitters {
  private SignalEmitters() {}

  static void window(COp op, SignalWindowOp.Plan p, CModuleWriter m) throws CodegenException {
    call(
        op,
        m,
        "signal_window",
        m.tensor(p.input(), op),
        m.tensor(p.weights(), op),
        op.input(1).elementCount(),
        op.input(0).elementCount(),
        p.shift(),
        m.tensor(p.output(), op));
  }

  static void fftAutoScale(COp op, SignalFftAutoScaleOp.Plan p, CModuleWriter m)
      throws CodegenException {
    call(
        op,
        m,
        "signal_fft_auto_scale",
        m.tensor(p.input(), op),
        op.input(0).elementCount(),
        m.tensor(p.output(), op),
        m.tensor(p.scaleBits(), op));
  }

  static void rfft(COp op, SignalRfftOp.Plan p, CModuleWriter m) throws CodegenException {
    KissFftQ15.Tables t = new KissFftQ15(p.fftLength()).tables();
    m.useKernel("signal_rfft.c");
    String fft =
        m.params(
            "tml_sig_fft",
            CModuleWriter.opName(op, "fft"),
            String.join(
                ", ",
                CModuleWriter.ints(t.size(), t.radices().length),
                m.intArray("uint8_t", 1, CModuleWriter.opName(op, "fft_radix"), t.radices()),
                m.intArray("uint16_t", 2, CModuleWriter.opName(op, "fft_m"), t.stageLengths()),
                m.intArray("uint16_t", 2, CModuleWriter.opName(op, "fft_stride"), t.strides()),
                m.intArray("uint16_t", 2, CModuleWriter.opName(op, "fft_gather"), t.gather()),
                int16Array(m, op, "fft_tw_re", t.twiddleRe()),
                int16Array(m, op, "fft_tw_im", t.twiddleIm()),
                int16Array(m, op, "fft_super_re", t.superTwiddleRe()),
                int16Array(m, op, "fft_super_im", t.superTwiddleIm())),
            40);
    int half = p.fftLength() / 2;
    m.call(
        op,
        "tml_signal_rfft_s16",
        fft,
        m.tensor(p.input(), op),
        p.frame(),
        op.input(0).elementCount(),
        m.opArray(op, "work", "int16_t", p.fftLength(), 2, false),
        m.opArray(op, "buf_re", "int16_t", half, 2, false),
        m.opArray(op, "buf_im", "int16_t", half, 2, false),
        m.tensor(p.output(), op));
  }

  static void energy(COp op, SignalEnergyOp.Plan p, CModuleWriter m) throws CodegenException {
    callToOutput(op, m, "signal_energy", p.output(), m.tensor(p.input(), op), p.start(), p.end());
  }

  static void filterBank(COp op, SignalFilterBankOp.Plan p, CModuleWriter m)
      throws CodegenException {
    callToOutput(
        op,
        m,
        "signal_filter_bank",
        p.output(),
        m.tensor(p.input(), op),
        m.tensors(op, op.in(1), op.in(2), op.in(3), op.in(4), op.in(5)));
  }

  static void squareRoot(COp op, SignalFilterBankSquareRootOp.Plan p, CModuleWriter m)
      throws CodegenException {
    callToOutput(
        op,
        m,
        "signal_filter_bank_sqrt",
        p.output(),
        m.tensor(p.input(), op),
        m.tensor(p.scaleBits(), op));
  }

  static void spectralSubtraction(
      COp op, SignalFilterBankSpectralSubtractionOp.Plan p, CModuleWriter m)
      throws CodegenException {
    SpectralSubtraction s = p.subtraction();
    m.useKernel("signal_spectral_subtraction.c");
    String params =
        m.params(
            op,
            "tml_signal_spectral_subtraction_params",
            36,
            CModuleWriter.ints(
                s.channels(),
                s.smoothing(),
                s.oneMinusSmoothing(),
                s.alternateSmoothing(),
                s.alternateOneMinusSmoothing(),
                s.minSignalRemaining(),
                s.smoothingBits(),
                s.spectralSubtractionBits(),
                s.clamping() ? 1 : 0));
    m.call(
        op,
        "tml_signal_spectral_subtraction",
        params,
        m.tensor(p.input(), op),
        m.opArray(op, "noise", "uint32_t", s.channels(), 4, true),
        m.tensor(p.output(), op),
        m.tensor(p.noise(), op));
  }

  static void pcan(COp op, SignalPcanOp.Plan p, CModuleWriter m) throws CodegenException {
    callToOutput(
        op,
        m,
        "signal_pcan",
        p.output(),
        m.tensors(op, p.input(), p.noise(), p.gainTable()),
        p.snrShift());
  }

  static void log(COp op, SignalFilterBankLogOp.Plan p, CModuleWriter m) throws CodegenException {
    callToOutput(
        op,
        m,
        "signal_filter_bank_log",
        p.output(),
        m.tensor(p.input(), op),
        p.inputCorrectionBits(),
        Integer.toUnsignedString(p.outputScale()) + "u",
        m.int32Array(CModuleWriter.opName(op, "log_lut"), LogScale.log2CorrectionTable()));
  }

  /** Inlines kernel {@code <kernel>.c} and calls its {@code tml_<kernel>} function. */
  private static void call(COp op, CModuleWriter m, String kernel, Object... args) {
    m.useKernel(kernel + ".c");
    m.call(op, "tml_" + kernel, args);
  }

  /** As {@link #call}, then the output's value count and the output tensor {@code output}. */
  private static void callToOutput(
      COp op, CModuleWriter m, String kernel, int output, Object... args) throws CodegenException {
    Object[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = op.output(0).elementCount();
    all[args.length + 1] = m.tensor(output, op);
    call(op, m, kernel, all);
  }

  private static String int16Array(CModuleWriter m, COp op, String what, short[] values) {
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = values[i];
    }
    return m.intArray("int16_t", 2, CModuleWriter.opName(op, what), ints);
  }
}
