package dev.tinyml.preprocess;

/**
 * Parameters of the float spectral features ({@link SpectralFeatures}).
 *
 * <p>{@link #defaults()} follows the MLPerf Tiny keyword-spotting reference pipeline ({@code
 * mlcommons/tiny} {@code kws_util.py}/{@code get_dataset.py}, built on {@code tf.signal}): 16 kHz,
 * frames of 480 samples (30 ms) every 320 (20 ms) with no padding, periodic Hann window, FFT 512,
 * magnitude spectrum, 40 HTK-scale mel bands over 20-4000 Hz with peak-1 triangles, {@code log(mel
 * + 1e-6)}, 10 MFCCs, no liftering.
 *
 * @param sampleRate samples per second the features are computed at
 * @param frameLength samples per frame
 * @param frameStep samples between the starts of consecutive frames
 * @param fftLength FFT length, at least {@code frameLength}; frames are zero-padded to it
 * @param window the analysis window
 * @param periodicWindow periodic ({@code true}) or symmetric window form
 * @param power power spectrum {@code |X|^2} when {@code true}, magnitude {@code |X|} otherwise
 * @param melBands number of mel bands
 * @param fMin lowest mel edge in Hz
 * @param fMax highest mel edge in Hz
 * @param melScale the mel scale
 * @param slaneyNorm whether mel bands are normalised to equal area
 * @param logOffset added before the natural log of the mel energies
 * @param mfccCount number of cepstral coefficients kept
 * @param lifter HTK cepstral lifter parameter {@code L} ({@code 1 + L/2 sin(pi n / L)}); 0 for none
 */
public record SpectralConfig(
    int sampleRate,
    int frameLength,
    int frameStep,
    int fftLength,
    WindowFunction window,
    boolean periodicWindow,
    boolean power,
    int melBands,
    double fMin,
    double fMax,
    MelScale melScale,
    boolean slaneyNorm,
    float logOffset,
    int mfccCount,
    int lifter) {

  /** Validates the parameters. */
  public SpectralConfig {
    if (sampleRate <= 0 || frameLength <= 0 || frameStep <= 0) {
      throw new PreprocessException(
          "Sample rate, frame length and frame step must be positive, got "
              + sampleRate
              + ", "
              + frameLength
              + ", "
              + frameStep);
    }
    if (fftLength < frameLength || fftLength < 2 || (fftLength & 1) != 0) {
      throw new PreprocessException(
          "FFT length must be even and at least the frame length ("
              + frameLength
              + "), got "
              + fftLength);
    }
    if (mfccCount < 0 || mfccCount > melBands) {
      throw new PreprocessException(
          "MFCC count must be in [0, melBands=" + melBands + "], got " + mfccCount);
    }
    if (lifter < 0) {
      throw new PreprocessException("Lifter must be >= 0, got " + lifter);
    }
    if (window == null || melScale == null) {
      throw new PreprocessException("Window and mel scale must be given");
    }
  }

  /**
   * The MLPerf Tiny keyword-spotting defaults described above.
   *
   * @return the default configuration
   */
  public static SpectralConfig defaults() {
    return new SpectralConfig(
        16000,
        480,
        320,
        512,
        WindowFunction.HANN,
        true,
        false,
        40,
        20.0,
        4000.0,
        MelScale.HTK,
        false,
        1e-6f,
        10,
        0);
  }

  /**
   * The same features at another sample rate: frame length, step and FFT length keep their
   * durations (the FFT length rounded up to a power of two), and {@code fMax} is capped at the new
   * Nyquist frequency.
   *
   * @param rate the new sample rate
   * @return the adapted configuration
   */
  public SpectralConfig withSampleRate(int rate) {
    int length = (int) Math.round((double) frameLength * rate / sampleRate);
    Copy c = new Copy(this);
    c.sampleRate = rate;
    c.frameLength = length;
    c.frameStep = Math.max(1, (int) Math.round((double) frameStep * rate / sampleRate));
    c.fftLength = Math.max(2, Integer.highestOneBit(Math.max(1, length - 1)) << 1);
    c.fMax = Math.min(fMax, rate / 2.0);
    return c.build();
  }

  /**
   * The same configuration with other framing.
   *
   * @param length samples per frame
   * @param step samples between frame starts
   * @param fft FFT length, at least {@code length}
   * @return the new configuration
   */
  public SpectralConfig withFraming(int length, int step, int fft) {
    Copy c = new Copy(this);
    c.frameLength = length;
    c.frameStep = step;
    c.fftLength = fft;
    return c.build();
  }

  /**
   * The same configuration with another window.
   *
   * @param function the window function
   * @param periodic periodic ({@code true}) or symmetric form
   * @return the new configuration
   */
  public SpectralConfig withWindow(WindowFunction function, boolean periodic) {
    Copy c = new Copy(this);
    c.window = function;
    c.periodicWindow = periodic;
    return c.build();
  }

  /**
   * The same configuration with a power ({@code |X|^2}) or magnitude ({@code |X|}) spectrum.
   *
   * @param usePower whether to square magnitudes
   * @return the new configuration
   */
  public SpectralConfig withPower(boolean usePower) {
    Copy c = new Copy(this);
    c.power = usePower;
    return c.build();
  }

  /**
   * The same configuration with other mel bands.
   *
   * @param bands number of bands
   * @param low lowest edge in Hz
   * @param high highest edge in Hz
   * @param scale the mel scale
   * @param equalArea whether bands are normalised to equal area (Slaney)
   * @return the new configuration
   */
  public SpectralConfig withMel(
      int bands, double low, double high, MelScale scale, boolean equalArea) {
    Copy c = new Copy(this);
    c.melBands = bands;
    c.fMin = low;
    c.fMax = high;
    c.melScale = scale;
    c.slaneyNorm = equalArea;
    c.mfccCount = Math.min(mfccCount, bands);
    return c.build();
  }

  /**
   * The same configuration with other cepstral settings.
   *
   * @param count number of coefficients kept
   * @param lifterParameter HTK lifter {@code L}, 0 for none
   * @return the new configuration
   */
  public SpectralConfig withMfcc(int count, int lifterParameter) {
    Copy c = new Copy(this);
    c.mfccCount = count;
    c.lifter = lifterParameter;
    return c.build();
  }

  /** A mutable copy, so that each {@code with} method names only what it changes. */
  private static final class Copy {
    private int sampleRate;
    private int frameLength;
    private int frameStep;
    private int fftLength;
    private WindowFunction window;
    private boolean periodicWindow;
    private boolean power;
    private int melBands;
    private double fMin;
    private double fMax;
    private MelScale melScale;
    private boolean slaneyNorm;
    private float logOffset;
    private int mfccCount;
    private int lifter;

    Copy(SpectralConfig c) {
      sampleRate = c.sampleRate;
      frameLength = c.frameLength;
      frameStep = c.frameStep;
      fftLength = c.fftLength;
      window = c.window;
      periodicWindow = c.periodicWindow;
      power = c.power;
      melBands = c.melBands;
      fMin = c.fMin;
      fMax = c.fMax;
      melScale = c.melScale;
      slaneyNorm = c.slaneyNorm;
      logOffset = c.logOffset;
      mfccCount = c.mfccCount;
      lifter = c.lifter;
    }

    SpectralConfig build() {
      return new SpectralConfig(
          sampleRate,
          frameLength,
          frameStep,
          fftLength,
          window,
          periodicWindow,
          power,
          melBands,
          fMin,
          fMax,
          melScale,
          slaneyNorm,
          logOffset,
          mfccCount,
          lifter);
    }
  }
}
