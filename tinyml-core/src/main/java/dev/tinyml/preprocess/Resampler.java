package dev.tinyml.preprocess;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc kernel (the method of Smith's
 * "Digital Audio Resampling", as in libsamplerate and {@code resampy}).
 *
 * <p>Defaults: the low-pass cutoff is {@value #CUTOFF} of the lower of the two Nyquist frequencies,
 * so content above the new Nyquist is removed before it can alias; the kernel spans {@value
 * #ZERO_CROSSINGS} zero crossings on each side; the Kaiser window has beta {@value #BETA} (about 80
 * dB of stopband attenuation). The kernel is tabulated at {@value #TABLE_STEPS} points per zero
 * crossing and interpolated linearly. Positions are computed with exact integer arithmetic, so the
 * output is deterministic.
 */
public final class Resampler {
  /** Cutoff as a fraction of the lower Nyquist frequency. */
  public static final double CUTOFF = 0.95;

  /** Kernel half-length in zero crossings of the low-pass sinc. */
  public static final int ZERO_CROSSINGS = 32;

  /** Kaiser window shape parameter. */
  public static final double BETA = 8.0;

  private static final int TABLE_STEPS = 512;

  private final int sourceRate;
  private final int targetRate;
  private final double cutoff;
  private final float[] table;

  /**
   * Creates a resampler.
   *
   * @param sourceRate input samples per second
   * @param targetRate output samples per second
   */
  public Resampler(int sourceRate, int targetRate) {
    if (sourceRate <= 0 || targetRate <= 0) {
      throw new PreprocessException(
          "Sample rates must be positive, got " + sourceRate + " and " + targetRate);
    }
    this.sourceRate = sourceRate;
    this.targetRate = targetRate;
    this.cutoff = CUTOFF * Math.min(1.0, (double) targetRate / sourceRate);
    int n = ZERO_CROSSINGS * TABLE_STEPS;
    table = new float[n + 2];
    double i0Beta = besselI0(BETA);
    for (int i = 0; i <= n; i++) {
      double x = (double) i / TABLE_STEPS; // in zero crossings
      double r = x / ZERO_CROSSINGS;
      double window = besselI0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
      double sinc = i == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
      table[i] = (float) (sinc * window);
    }
  }

  /**
   * Resamples a whole signal; the output has {@code ceil(n * target / source)} samples.
   *
   * @param in the input samples
   * @return the resampled signal
   */
  public float[] process(float[] in) {
    int outLength = (int) (((long) in.length * targetRate + sourceRate - 1) / sourceRate);
    float[] out = new float[outLength];
    double halfWidth = ZERO_CROSSINGS / cutoff; // in input samples
    for (int n = 0; n < outLength; n++) {
      long num = (long) n * sourceRate;
      long centre = num / targetRate;
      double frac = (double) (num % targetRate) / targetRate;
      double t = centre + frac;
      long first = Math.max(0, (long) Math.ceil(t - halfWidth));
      long last = Math.min(in.length - 1, (long) Math.floor(t + halfWidth));
      double acc = 0;
      for (long k = first; k <= last; k++) {
        acc += in[(int) k] * kernel(Math.abs(k - t) * cutoff);
      }
      out[n] = (float) (acc * cutoff);
    }
    return out;
  }

  /** The windowed sinc at {@code x} zero crossings from the centre. */
  private double kernel(double x) {
    double pos = x * TABLE_STEPS;
    int i = (int) pos;
    if (i >= ZERO_CROSSINGS * TABLE_STEPS) {
      return 0;
    }
    double f = pos - i;
    return table[i] + f * (table[i + 1] - table[i]);
  }

  /** The modified Bessel function of the first kind, order 0, by its power series. */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 200; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }
}
