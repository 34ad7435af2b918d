package dev.tinyml.preprocess;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Float spectral features on JTransforms' real FFT: magnitude or power spectrogram, log-mel
 * energies and MFCCs, framed without padding like {@code tf.signal.stft(pad_end=False)}: frame
 * {@code i} covers samples {@code [i*step, i*step+length)} and a trailing partial frame yields
 * nothing.
 *
 * <p>An instance keeps scratch buffers and is not thread-safe; create one per thread.
 *
 * <pre>{@code
 * SpectralFeatures mfcc = new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC);
 * float[][] frames = mfcc.compute(Wav.read(path).resampleTo(16000).samples());
 * }</pre>
 */
public final class SpectralFeatures {
  private final SpectralConfig config;
  private final FeatureKind kind;
  private final float[] window;
  private final FloatFFT_1D fft;
  private final float[] fftBuffer;
  private final float[] spectrum;
  private final MelFilterbank mel;
  private final float[] melEnergies;
  private final Dct dct;
  private final float[] lifterWeights;

  /**
   * Creates the extractor.
   *
   * @param config the parameters
   * @param kind which features to produce; {@link FeatureKind#MICRO_FRONTEND} is not spectral here
   *     (use {@link MicroFrontend})
   */
  public SpectralFeatures(SpectralConfig config, FeatureKind kind) {
    if (kind == FeatureKind.MICRO_FRONTEND) {
      throw new PreprocessException(
          "The micro frontend is computed by MicroFrontend, not SpectralFeatures");
    }
    this.config = config;
    this.kind = kind;
    this.window = config.window().coefficients(config.frameLength(), config.periodicWindow());
    this.fft = new FloatFFT_1D(config.fftLength());
    this.fftBuffer = new float[config.fftLength()];
    this.spectrum = new float[config.fftLength() / 2 + 1];
    if (kind == FeatureKind.SPECTROGRAM) {
      mel = null;
      melEnergies = null;
    } else {
      mel =
          new MelFilterbank(
              config.sampleRate(),
              config.fftLength(),
              config.melBands(),
              config.fMin(),
              config.fMax(),
              config.melScale(),
              config.slaneyNorm());
      melEnergies = new float[config.melBands()];
    }
    if (kind == FeatureKind.MFCC) {
      if (config.mfccCount() == 0) {
        throw new PreprocessException("MFCC features need mfccCount > 0");
      }
      dct = new Dct(config.melBands(), config.mfccCount());
      lifterWeights = new float[config.mfccCount()];
      for (int n = 0; n < lifterWeights.length; n++) {
        lifterWeights[n] =
            config.lifter() == 0
                ? 1f
                : (float) (1 + config.lifter() / 2.0 * Math.sin(Math.PI * n / config.lifter()));
      }
    } else {
      dct = null;
      lifterWeights = null;
    }
  }

  /**
   * @return the parameters
   */
  public SpectralConfig config() {
    return config;
  }

  /**
   * @return the kind of features produced
   */
  public FeatureKind kind() {
    return kind;
  }

  /**
   * @return values per frame
   */
  public int featureCount() {
    switch (kind) {
      case SPECTROGRAM:
        return spectrum.length;
      case LOG_MEL:
        return config.melBands();
      default:
        return config.mfccCount();
    }
  }

  /**
   * The number of frames a signal of {@code samples} samples gives.
   *
   * @param samples signal length
   * @return {@code 0} below one frame, else {@code 1 + (samples - length) / step}
   */
  public int frameCount(int samples) {
    return samples < config.frameLength()
        ? 0
        : 1 + (samples - config.frameLength()) / config.frameStep();
  }

  /**
   * Computes every frame of a signal.
   *
   * @param samples the signal at {@code config().sampleRate()}
   * @return one row of {@link #featureCount()} values per frame
   */
  public float[][] compute(float[] samples) {
    float[][] frames = new float[frameCount(samples.length)][featureCount()];
    for (int i = 0; i < frames.length; i++) {
      frame(samples, i * config.frameStep(), frames[i]);
    }
    return frames;
  }

  /**
   * A stream that takes the signal in chunks and yields the same frames as {@link #compute}.
   *
   * @return a new stream sharing this extractor (and so not to be used concurrently with it)
   */
  public SpectralStream stream() {
    return new SpectralStream(this);
  }

  /**
   * Computes the features of the frame starting at {@code offset}.
   *
   * @param samples the signal
   * @param offset index of the frame's first sample; {@code frameLength} samples must follow
   * @param out {@link #featureCount()} values
   */
  public void frame(float[] samples, int offset, float[] out) {
    int length = config.frameLength();
    for (int i = 0; i < length; i++) {
      fftBuffer[i] = samples[offset + i] * window[i];
    }
    java.util.Arrays.fill(fftBuffer, length, fftBuffer.length, 0f);
    fft.realForward(fftBuffer);
    int half = fftBuffer.length / 2;
    spectrum[0] = fftBuffer[0] * fftBuffer[0];
    spectrum[half] = fftBuffer[1] * fftBuffer[1];
    for (int k = 1; k < half; k++) {
      float re = fftBuffer[2 * k];
      float im = fftBuffer[2 * k + 1];
      spectrum[k] = re * re + im * im;
    }
    if (!config.power()) {
      for (int k = 0; k <= half; k++) {
        spectrum[k] = (float) Math.sqrt(spectrum[k]);
      }
    }
    if (kind == FeatureKind.SPECTROGRAM) {
      System.arraycopy(spectrum, 0, out, 0, spectrum.length);
      return;
    }
    mel.apply(spectrum, melEnergies);
    for (int b = 0; b < melEnergies.length; b++) {
      melEnergies[b] = (float) Math.log(melEnergies[b] + config.logOffset());
    }
    if (kind == FeatureKind.LOG_MEL) {
      System.arraycopy(melEnergies, 0, out, 0, melEnergies.length);
      return;
    }
    dct.apply(melEnergies, 0, out);
    for (int n = 0; n < lifterWeights.length; n++) {
      out[n] *= lifterWeights[n];
    }
  }
}
