package dev.tinyml.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java implementation of TensorFlow Lite Micro's audio frontend ({@code
 * tensorflow/lite/experimental/microfrontend/lib}) that gives the same integers as the C library
 * for the same samples: Hann window with 12-bit coefficients, kissfft Q15 real FFT of the window
 * scaled up to full range, 12-bit mel filterbank with integer square root, noise reduction, PCAN
 * gain control and a fixed-point log.
 *
 * <p>An instance is stateful like {@code FrontendState}: feed it 16-bit PCM in chunks of any size
 * with {@link #accept}; it emits one frame of {@link #featureCount()} unsigned 16-bit values (held
 * in ints) per completed window. Frame {@code i} covers samples {@code [i*step, i*step+size)}; a
 * trailing partial window yields nothing. Memory is bounded by one window whatever the input
 * length.
 *
 * <pre>{@code
 * int[][] features = MicroFrontend.compute(MicroFrontendConfig.microSpeech(), 16000, pcm);
 * byte[] modelInput = MicroFrontend.toMicroSpeechInt8(features);
 * }</pre>
 */
public final class MicroFrontend {
  private static final int WINDOW_BITS = 12;

  private final int windowSize;
  private final int windowStep;
  private final short[] coefficients;
  private final short[] input;
  private int inputUsed;
  private final short[] windowed;
  private final KissFftQ15 fft;
  private final short[] fftInput;
  private final short[] fftRe;
  private final short[] fftIm;
  private final int[] energy;
  private final FrontendFilterbank filterbank;
  private final NoiseReduction noiseReduction;
  private final PcanGainControl pcan;
  private final LogScale logScale;
  private final int correctionBits;
  private final long[] channels;

  /**
   * Creates a frontend with fresh state.
   *
   * @param config the frontend parameters
   * @param sampleRate the sample rate of the PCM that will be fed, in Hz
   */
  public MicroFrontend(MicroFrontendConfig config, int sampleRate) {
    if (sampleRate <= 0) {
      throw new PreprocessException("Sample rate must be positive, got " + sampleRate);
    }
    windowSize = config.windowSizeMs() * sampleRate / 1000;
    windowStep = config.windowStepMs() * sampleRate / 1000;
    if (windowSize < 2 || windowStep < 1) {
      throw new PreprocessException(
          "A "
              + config.windowSizeMs()
              + " ms window at "
              + sampleRate
              + " Hz has fewer than 2 samples; raise the window size or the sample rate");
    }
    coefficients = hannQ12(windowSize);
    input = new short[windowSize];
    windowed = new short[windowSize];
    int fftSize = Math.max(4, Integer.highestOneBit(windowSize - 1) << 1);
    fft = new KissFftQ15(fftSize);
    fftInput = new short[fftSize];
    fftRe = new short[fftSize / 2 + 1];
    fftIm = new short[fftSize / 2 + 1];
    filterbank = new FrontendFilterbank(config, sampleRate, fftSize / 2 + 1);
    energy = new int[filterbank.endIndex()];
    noiseReduction = new NoiseReduction(config);
    correctionBits =
        FrontendIntegerMath.msb32(fftSize) - 1 - (FrontendFilterbank.FILTERBANK_BITS / 2);
    pcan = config.enablePcan() ? new PcanGainControl(config, correctionBits) : null;
    logScale = new LogScale(config);
    channels = new long[config.numChannels()];
  }

  /** {@code WindowPopulateState}'s Hann window, in single precision, 12 fractional bits. */
  private static short[] hannQ12(int size) {
    float arg = (float) Math.PI * 2.0f / ((float) size);
    short[] c = new short[size];
    for (int i = 0; i < size; i++) {
      float value = 0.5f - (0.5f * (float) Math.cos(arg * (i + 0.5f)));
      c[i] = (short) Math.floor(value * (1 << WINDOW_BITS) + 0.5f);
    }
    return c;
  }

  /**
   * The integers this frontend precomputed from its configuration, for code generators.
   *
   * @return copies of the window, FFT, filterbank, PCAN and log tables
   */
  public MicroFrontendTables tables() {
    short[] pcanLut = pcan == null ? new short[0] : pcan.lut();
    int snrShift = pcan == null ? 0 : pcan.snrShift();
    return new MicroFrontendTables(
        windowSize,
        windowStep,
        coefficients.clone(),
        fft.size(),
        fft.radices(),
        fft.stageLengths(),
        fft.strides(),
        fft.gather(),
        fft.twiddleRe(),
        fft.twiddleIm(),
        fft.superTwiddleRe(),
        fft.superTwiddleIm(),
        channels.length,
        filterbank.startIndex(),
        filterbank.endIndex(),
        filterbank.channelStarts(),
        filterbank.weights(),
        filterbank.unweights(),
        noiseReduction.smoothingBits(),
        noiseReduction.evenSmoothing(),
        noiseReduction.oddSmoothing(),
        noiseReduction.minSignalRemaining(),
        pcan != null,
        pcanLut,
        snrShift,
        logScale.enabled(),
        logScale.scaleShift(),
        correctionBits,
        LogScale.LOG_LUT.clone());
  }

  /**
   * Computes every frame of a whole clip with fresh state.
   *
   * @param config the frontend parameters
   * @param sampleRate the sample rate of {@code pcm}
   * @param pcm the 16-bit samples
   * @return one row of {@code config.numChannels()} unsigned 16-bit values per frame
   */
  public static int[][] compute(MicroFrontendConfig config, int sampleRate, short[] pcm) {
    return new MicroFrontend(config, sampleRate).accept(pcm, 0, pcm.length).toArray(int[][]::new);
  }

  /**
   * @return samples per window
   */
  public int windowSize() {
    return windowSize;
  }

  /**
   * @return samples between the starts of consecutive windows
   */
  public int windowStep() {
    return windowStep;
  }

  /**
   * @return values per frame (the number of filterbank channels)
   */
  public int featureCount() {
    return channels.length;
  }

  /**
   * The number of frames a clip of {@code samples} samples gives.
   *
   * @param samples clip length in samples
   * @return {@code 0} below one window, else {@code 1 + (samples - size) / step}
   */
  public int frameCount(int samples) {
    return samples < windowSize ? 0 : 1 + (samples - windowSize) / windowStep;
  }

  /** Forgets all samples and the noise and gain state, as {@code FrontendReset} does. */
  public void reset() {
    java.util.Arrays.fill(input, (short) 0);
    inputUsed = 0;
    noiseReduction.reset();
  }

  /**
   * Feeds samples and returns the frames they complete (possibly none).
   *
   * @param pcm 16-bit samples
   * @param offset first sample to read
   * @param length number of samples to read
   * @return the completed frames, oldest first
   */
  public List<int[]> accept(short[] pcm, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, pcm.length);
    List<int[]> frames = new ArrayList<>();
    int end = offset + length;
    while (offset < end) {
      int copy = Math.min(windowSize - inputUsed, end - offset);
      System.arraycopy(pcm, offset, input, inputUsed, copy);
      inputUsed += copy;
      offset += copy;
      if (inputUsed == windowSize) {
        frames.add(processWindow());
        System.arraycopy(input, windowStep, input, 0, windowSize - windowStep);
        inputUsed -= windowStep;
      }
    }
    return frames;
  }

  private int[] processWindow() {
    short maxAbs = 0;
    for (int i = 0; i < windowSize; i++) {
      short value = (short) ((input[i] * coefficients[i]) >> WINDOW_BITS);
      windowed[i] = value;
      short abs = value < 0 ? (short) -value : value;
      if (abs > maxAbs) {
        maxAbs = abs;
      }
    }
    int inputShift = 15 - FrontendIntegerMath.msb32(maxAbs);
    for (int i = 0; i < windowSize; i++) {
      fftInput[i] = (short) ((windowed[i] & 0xFFFF) << inputShift);
    }
    fft.forward(fftInput, fftRe, fftIm);
    filterbank.apply(fftRe, fftIm, energy, inputShift, channels);
    noiseReduction.apply(channels);
    if (pcan != null) {
      pcan.apply(channels, noiseReduction.estimate());
    }
    logScale.apply(channels, correctionBits);
    int[] frame = new int[channels.length];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = (int) channels[i];
    }
    return frame;
  }

  /**
   * The micro_speech example's conversion of one frontend value to the model's int8 input: {@code
   * (v * 256 + 333) / 666 - 128} in integer division, clamped to [-128, 127]. The frontend's output
   * is the log filterbank energy scaled by 2^6 (so {@code v / 64} is the natural log); the model
   * was trained on {@code v / 25.6} quantized with scale 26/256 and zero point -128, and {@code 666
   * = round(25.6 * 26)}, so {@code v * 256 / 666} is that value in quantized steps, with {@code
   * 333} rounding the division to nearest.
   *
   * @param value a frontend output in [0, 65535]
   * @return the model input value
   */
  public static byte toMicroSpeechInt8(int value) {
    int q = (value * 256 + 333) / 666 - 128;
    return (byte) Math.max(-128, Math.min(127, q));
  }

  /**
   * Converts frames to the micro_speech model's flattened int8 input, frame by frame.
   *
   * @param frames frontend outputs
   * @return {@code frames.length * frames[0].length} int8 values in row order
   */
  public static byte[] toMicroSpeechInt8(int[][] frames) {
    int width = frames.length == 0 ? 0 : frames[0].length;
    byte[] out = new byte[frames.length * width];
    for (int f = 0; f < frames.length; f++) {
      for (int c = 0; c < width; c++) {
        out[f * width + c] = toMicroSpeechInt8(frames[f][c]);
      }
    }
    return out;
  }
}
