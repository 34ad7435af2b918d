package dev.tinyml.preprocess;

/** Mel scales: the frequency warps a mel filterbank spaces its bands on. */
public enum MelScale {
  /**
   * HTK's {@code 2595 log10(1 + f/700)} (the same as {@code 1127 ln(1 + f/700)}), used by HTK,
   * {@code tf.signal.linear_to_mel_weight_matrix}, TFLM's frontend and {@code librosa} with {@code
   * htk=True}.
   */
  HTK {
    @Override
    public double hzToMel(double hz) {
      return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    @Override
    public double melToHz(double mel) {
      return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
  },
  /**
   * Slaney's Auditory Toolbox scale ({@code librosa}'s default): linear below 1 kHz at 200/3 Hz per
   * mel, logarithmic above with 27 mels per factor 6.4.
   */
  SLANEY {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = 0.06875177742094912; // ln(6.4) / 27

    @Override
    public double hzToMel(double hz) {
      return hz < MIN_LOG_HZ ? hz / F_SP : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
    }

    @Override
    public double melToHz(double mel) {
      return mel < MIN_LOG_MEL ? mel * F_SP : MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
    }
  };

  /**
   * Converts a frequency to mels.
   *
   * @param hz frequency in Hz
   * @return the mel value
   */
  public abstract double hzToMel(double hz);

  /**
   * Converts mels to a frequency.
   *
   * @param mel the mel value
   * @return frequency in Hz
   */
  public abstract double melToHz(double mel);
}
