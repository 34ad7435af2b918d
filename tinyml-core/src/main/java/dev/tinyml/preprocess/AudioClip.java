package dev.tinyml.preprocess;

/**
 * Mono audio as floats in [-1, 1] at a known sample rate, with what the source file held.
 *
 * @param samples the mono samples (multi-channel sources are averaged), full scale 1.0
 * @param sampleRate samples per second
 * @param sourceChannels channels in the source before downmixing
 * @param sourceBits bits per sample in the source (32 or 64 for float sources)
 * @param sourceFloat whether the source samples were IEEE floats
 */
public record AudioClip(
    float[] samples, int sampleRate, int sourceChannels, int sourceBits, boolean sourceFloat) {

  /** Validates the clip. */
  public AudioClip {
    if (sampleRate <= 0) {
      throw new PreprocessException("Sample rate must be positive, got " + sampleRate);
    }
  }

  /**
   * A clip made from 16-bit PCM.
   *
   * @param pcm the samples
   * @param sampleRate samples per second
   * @return the clip, each sample divided by 32768
   */
  public static AudioClip ofPcm16(short[] pcm, int sampleRate) {
    float[] s = new float[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      s[i] = pcm[i] / 32768f;
    }
    return new AudioClip(s, sampleRate, 1, 16, false);
  }

  /**
   * @return the clip length in seconds
   */
  public double durationSeconds() {
    return (double) samples.length / sampleRate;
  }

  /**
   * The samples as 16-bit PCM: exact for 16-bit sources, rounded to nearest and clamped otherwise.
   *
   * @return one short per sample
   */
  public short[] toPcm16() {
    short[] pcm = new short[samples.length];
    for (int i = 0; i < pcm.length; i++) {
      long v = Math.round(samples[i] * 32768.0);
      pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
    return pcm;
  }

  /**
   * This clip at another sample rate, through {@link Resampler}; the same clip when the rate
   * already matches.
   *
   * @param targetRate the wanted sample rate
   * @return the resampled clip
   */
  public AudioClip resampleTo(int targetRate) {
    if (targetRate == sampleRate) {
      return this;
    }
    return new AudioClip(
        new Resampler(sampleRate, targetRate).process(samples),
        targetRate,
        sourceChannels,
        sourceBits,
        sourceFloat);
  }
}
