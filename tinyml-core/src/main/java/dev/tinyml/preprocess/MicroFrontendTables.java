package dev.tinyml.preprocess;

/**
 * Everything a {@link MicroFrontend} precomputes from its configuration and sample rate, as plain
 * integers: what a code generator needs to emit the frontend as constant tables (so that the
 * generated code computes no trigonometry, powers or logs at run time).
 *
 * @param windowSize samples per window
 * @param windowStep samples between window starts
 * @param windowCoefficients the Hann window, 12 fractional bits, {@code windowSize} values
 * @param fftSize real FFT size (a power of two)
 * @param fftRadices radix of each FFT stage, outermost first
 * @param fftStageLengths butterflies per sub-block of each stage
 * @param fftStrides twiddle stride of each stage
 * @param fftGather input index (of complex pairs) landing in each slot before the butterflies
 * @param fftTwiddleRe complex twiddles, real parts, Q15, {@code fftSize/2} values
 * @param fftTwiddleIm complex twiddles, imaginary parts
 * @param fftSuperTwiddleRe real-FFT split twiddles, real parts, {@code fftSize/4} values
 * @param fftSuperTwiddleIm real-FFT split twiddles, imaginary parts
 * @param numChannels filterbank channels (features per frame)
 * @param filterbankStartIndex first FFT bin the filterbank reads
 * @param filterbankEndIndex one past the last FFT bin it reads
 * @param channelStarts first bin of each of the {@code numChannels + 1} triangles
 * @param channelWeights 12-bit weights of each triangle
 * @param channelUnweights 12-bit "one minus weight" of each triangle
 * @param smoothingBits noise reduction scale-up bits
 * @param evenSmoothing noise smoothing of even channels, 14 fractional bits
 * @param oddSmoothing noise smoothing of odd channels, 14 fractional bits
 * @param minSignalRemaining fraction of the signal always kept, 14 fractional bits
 * @param enablePcan whether PCAN runs
 * @param pcanLut PCAN's piecewise-quadratic gain table
 * @param pcanSnrShift PCAN's right shift of signal times gain
 * @param enableLog whether the log stage runs
 * @param scaleShift log output fractional bits
 * @param correctionBits the left shift (negative: right) applied before the log
 * @param logLut log2 correction table, 130 values
 */
public record MicroFrontendTables(
    int windowSize,
    int windowStep,
    short[] windowCoefficients,
    int fftSize,
    int[] fftRadices,
    int[] fftStageLengths,
    int[] fftStrides,
    int[] fftGather,
    short[] fftTwiddleRe,
    short[] fftTwiddleIm,
    short[] fftSuperTwiddleRe,
    short[] fftSuperTwiddleIm,
    int numChannels,
    int filterbankStartIndex,
    int filterbankEndIndex,
    int[] channelStarts,
    short[][] channelWeights,
    short[][] channelUnweights,
    int smoothingBits,
    int evenSmoothing,
    int oddSmoothing,
    int minSignalRemaining,
    boolean enablePcan,
    short[] pcanLut,
    int pcanSnrShift,
    boolean enableLog,
    int scaleShift,
    int correctionBits,
    int[] logLut) {

  /**
   * The tables of a frontend with {@code config} at {@code sampleRate}.
   *
   * @param config the frontend parameters
   * @param sampleRate the sample rate in Hz
   * @return the precomputed tables
   * @throws PreprocessException if the configuration does not fit the sample rate
   */
  public static MicroFrontendTables of(MicroFrontendConfig config, int sampleRate) {
    return new MicroFrontend(config, sampleRate).tables();
  }
}
