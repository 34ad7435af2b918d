package dev.tinyml.preprocess;

/**
 * Parameters of TensorFlow Lite Micro's audio frontend ({@code
 * tensorflow/lite/experimental/microfrontend/lib}), one field per {@code FrontendConfig} member.
 *
 * @param windowSizeMs analysis window length in milliseconds
 * @param windowStepMs hop between windows in milliseconds
 * @param numChannels number of filterbank channels (features per frame)
 * @param lowerBandLimit lowest filterbank frequency in Hz
 * @param upperBandLimit highest filterbank frequency in Hz
 * @param smoothingBits noise reduction: the signal is scaled up by {@code 2^smoothingBits}
 * @param evenSmoothing noise reduction: smoothing coefficient of even channels
 * @param oddSmoothing noise reduction: smoothing coefficient of odd channels
 * @param minSignalRemaining noise reduction: fraction of the signal always kept
 * @param enablePcan whether per-channel amplitude normalisation (PCAN) runs
 * @param pcanStrength PCAN gain normalisation exponent
 * @param pcanOffset PCAN offset added to the noise estimate
 * @param pcanGainBits PCAN fractional bits of the gain
 * @param enableLog whether the log scale stage runs
 * @param scaleShift log scale: output fractional bits
 */
public record MicroFrontendConfig(
    int windowSizeMs,
    int windowStepMs,
    int numChannels,
    float lowerBandLimit,
    float upperBandLimit,
    int smoothingBits,
    float evenSmoothing,
    float oddSmoothing,
    float minSignalRemaining,
    boolean enablePcan,
    float pcanStrength,
    float pcanOffset,
    int pcanGainBits,
    boolean enableLog,
    int scaleShift) {

  /** Validates the parameters. */
  public MicroFrontendConfig {
    if (windowSizeMs <= 0 || windowStepMs <= 0) {
      throw new PreprocessException(
          "Micro frontend window size and step must be positive, got "
              + windowSizeMs
              + " ms and "
              + windowStepMs
              + " ms");
    }
    if (windowStepMs > windowSizeMs) {
      throw new PreprocessException(
          "Micro frontend window step ("
              + windowStepMs
              + " ms) must not exceed the window size ("
              + windowSizeMs
              + " ms)");
    }
    if (numChannels <= 0) {
      throw new PreprocessException(
          "Micro frontend needs at least one channel, got " + numChannels);
    }
    if (!(lowerBandLimit >= 0 && upperBandLimit > lowerBandLimit)) {
      throw new PreprocessException(
          "Micro frontend band limits must satisfy 0 <= lower < upper, got "
              + lowerBandLimit
              + " and "
              + upperBandLimit);
    }
    if (smoothingBits < 0 || smoothingBits > 16 || scaleShift < 0 || scaleShift > 16) {
      throw new PreprocessException(
          "Micro frontend smoothing bits and scale shift must be in [0, 16], got "
              + smoothingBits
              + " and "
              + scaleShift);
    }
    if (pcanGainBits < 0 || pcanGainBits > 31) {
      throw new PreprocessException("PCAN gain bits must be in [0, 31], got " + pcanGainBits);
    }
  }

  /**
   * The configuration of the micro_speech example's feature provider (TFLM {@code
   * micro_speech/micro_features}): 30 ms window, 20 ms stride, 40 channels over 125-7500 Hz, noise
   * reduction (smoothing bits 10, even 0.025, odd 0.06, min signal remaining 0.05), PCAN (strength
   * 0.95, offset 80, gain bits 21) and log scale (shift 6).
   *
   * @return the micro_speech configuration
   */
  public static MicroFrontendConfig microSpeech() {
    return new MicroFrontendConfig(
        30, 20, 40, 125f, 7500f, 10, 0.025f, 0.06f, 0.05f, true, 0.95f, 80f, 21, true, 6);
  }

  /**
   * This configuration with another window and filterbank, the parameters TFLM's frontend takes
   * from a sketch; noise reduction, PCAN and log scale stay as they are.
   *
   * @param windowSizeMs analysis window length in milliseconds
   * @param windowStepMs hop between windows in milliseconds
   * @param numChannels number of filterbank channels
   * @param lowerBandLimit lowest filterbank frequency in Hz
   * @param upperBandLimit highest filterbank frequency in Hz
   * @return the new configuration
   * @throws PreprocessException if the values are invalid
   */
  public MicroFrontendConfig withFilterbank(
      int windowSizeMs,
      int windowStepMs,
      int numChannels,
      float lowerBandLimit,
      float upperBandLimit) {
    return new MicroFrontendConfig(
        windowSizeMs,
        windowStepMs,
        numChannels,
        lowerBandLimit,
        upperBandLimit,
        smoothingBits,
        evenSmoothing,
        oddSmoothing,
        minSignalRemaining,
        enablePcan,
        pcanStrength,
        pcanOffset,
        pcanGainBits,
        enableLog,
        scaleShift);
  }
}
