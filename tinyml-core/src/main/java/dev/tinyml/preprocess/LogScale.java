package dev.tinyml.preprocess;

/**
 * The micro frontend's fixed-point natural logarithm ({@code log_scale.c}, {@code log_lut.c}): log2
 * from the position of the top bit plus a 128-segment interpolated correction table, converted to
 * ln and scaled by {@code 2^scaleShift}, saturating at 65535. The signal library's {@code Log32} is
 * the same computation with an arbitrary output multiplier ({@link #log32}).
 */
public final class LogScale {
  private static final int LOG_SCALE_LOG2 = 16;
  private static final int LOG_SEGMENTS_LOG2 = 7;
  private static final long LOG_SCALE = 65536;
  private static final long LOG_COEFF = 45426;

  // log2(1 + f) - f at f = i/128, i = 0..128, in units of 2^-16, plus a zero that the
  // interpolation of the last segment reads: the table TFLM's log_lut.c holds, computed here.
  static final int[] LOG_LUT = logLut();

  /**
   * The log2 correction table {@link #log32} interpolates in, for code generators.
   *
   * @return a copy of the 130 values
   */
  public static int[] log2CorrectionTable() {
    return LOG_LUT.clone();
  }

  private final boolean enabled;
  private final int scaleShift;

  LogScale(MicroFrontendConfig config) {
    enabled = config.enableLog();
    scaleShift = config.scaleShift();
  }

  boolean enabled() {
    return enabled;
  }

  int scaleShift() {
    return scaleShift;
  }

  /** Converts each unsigned 32-bit value to its 16-bit scaled log, in place. */
  void apply(long[] signal, int correctionBits) {
    for (int i = 0; i < signal.length; i++) {
      long value = signal[i];
      if (enabled) {
        value =
            correctionBits < 0
                ? value >>> -correctionBits
                : (value << correctionBits) & 0xFFFFFFFFL;
        value = value > 1 ? log(value, scaleShift) : 0;
      }
      signal[i] = Math.min(value, 0xFFFF);
    }
  }

  private static int[] logLut() {
    int segments = 1 << LOG_SEGMENTS_LOG2;
    int[] lut = new int[segments + 2];
    for (int i = 0; i <= segments; i++) {
      double f = (double) i / segments;
      lut[i] = (int) Math.round((Math.log1p(f) / Math.log(2) - f) * LOG_SCALE);
    }
    return lut;
  }

  static long log(long x, int scaleShift) {
    return log32(x, 1L << scaleShift);
  }

  /**
   * TFLM's {@code Log32}: {@code round(ln(x) * outScale)} in unsigned 32-bit fixed point.
   *
   * @param x the value, unsigned 32-bit, above 1
   * @param outScale the multiplier of the natural log
   * @return the scaled log, an unsigned 32-bit value in a long
   */
  public static long log32(long x, long outScale) {
    int integer = FrontendIntegerMath.msb32(x) - 1;
    long fraction = log2FractionPart(x, integer);
    long log2 = (((long) integer << LOG_SCALE_LOG2) + fraction) & 0xFFFFFFFFL;
    long round = LOG_SCALE / 2;
    long loge = ((LOG_COEFF * log2 + round) >>> LOG_SCALE_LOG2) & 0xFFFFFFFFL;
    return ((((loge * outScale) & 0xFFFFFFFFL) + round) & 0xFFFFFFFFL) >>> LOG_SCALE_LOG2;
  }

  private static long log2FractionPart(long x, int log2x) {
    int frac = (int) (x - (1L << log2x));
    if (log2x < LOG_SCALE_LOG2) {
      frac <<= LOG_SCALE_LOG2 - log2x;
    } else {
      frac >>= log2x - LOG_SCALE_LOG2;
    }
    int baseSeg = frac >>> (LOG_SCALE_LOG2 - LOG_SEGMENTS_LOG2);
    int segUnit = (1 << LOG_SCALE_LOG2) >> LOG_SEGMENTS_LOG2;
    int c0 = LOG_LUT[baseSeg];
    int c1 = LOG_LUT[baseSeg + 1];
    int segBase = segUnit * baseSeg;
    int relPos = ((c1 - c0) * (frac - segBase)) >> LOG_SCALE_LOG2;
    return (frac + c0 + relPos) & 0xFFFFFFFFL;
  }
}
