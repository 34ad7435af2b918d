package dev.tinyml.preprocess;

/**
 * Real FFT in Q15 fixed point with exactly the arithmetic of kissfft v130 built with {@code
 * FIXED_POINT=16}, as TFLM's micro frontend uses it: every butterfly stage first divides its inputs
 * by the radix ({@code C_FIXDIV}, a multiply by {@code 32767/radix} with rounding), products round
 * half up and drop 15 bits ({@code sround}), and every store wraps to 16 bits. Only power-of-two
 * sizes are needed here (the frontend rounds the window up to one), so the complex stages are the
 * radix-4 and radix-2 butterflies.
 */
public final class KissFftQ15 {
  private final int nfft;
  private final int ncfft;
  private final int[] factors;
  private final short[] twRe;
  private final short[] twIm;
  private final short[] superRe;
  private final short[] superIm;
  private final short[] bufRe;
  private final short[] bufIm;
  private final int[] gather;
  private final int stages;
  private final int[] strides;

  /**
   * Prepares the twiddle factors and work buffers; one instance per thread.
   *
   * @param nfft the real FFT size, a power of two of at least 4
   */
  public KissFftQ15(int nfft) {
    if (nfft < 4 || Integer.bitCount(nfft) != 1) {
      throw new PreprocessException(
          "Fixed-point FFT size must be a power of two of at least 4, got " + nfft);
    }
    this.nfft = nfft;
    this.ncfft = nfft / 2;
    this.factors = factor(ncfft);
    twRe = new short[ncfft];
    twIm = new short[ncfft];
    for (int i = 0; i < ncfft; i++) {
      double phase = -2 * Math.PI * i / ncfft;
      twRe[i] = q15(Math.cos(phase));
      twIm[i] = q15(Math.sin(phase));
    }
    superRe = new short[ncfft / 2];
    superIm = new short[ncfft / 2];
    for (int i = 0; i < ncfft / 2; i++) {
      double phase = -Math.PI * ((double) (i + 1) / ncfft + .5);
      superRe[i] = q15(Math.cos(phase));
      superIm[i] = q15(Math.sin(phase));
    }
    bufRe = new short[ncfft];
    bufIm = new short[ncfft];
    stages = factors.length / 2;
    strides = new int[stages];
    int stride = 1;
    for (int level = 0; level < stages; level++) {
      strides[level] = stride;
      stride *= factors[2 * level];
    }
    gather = new int[ncfft];
    buildGather(0, 0, 1, 0);
  }

  /**
   * The transform's precomputed integers, for code generators that emit it as constant tables.
   *
   * @param size the real FFT size
   * @param radices radix of each stage, outermost first
   * @param stageLengths butterflies per sub-block of each stage
   * @param strides twiddle stride of each stage
   * @param gather input index (of complex pairs) landing in each slot before the butterflies
   * @param twiddleRe complex twiddles, real parts, Q15, {@code size/2} values
   * @param twiddleIm complex twiddles, imaginary parts
   * @param superTwiddleRe real-FFT split twiddles, real parts, {@code size/4} values
   * @param superTwiddleIm real-FFT split twiddles, imaginary parts
   */
  public record Tables(
      int size,
      int[] radices,
      int[] stageLengths,
      int[] strides,
      int[] gather,
      short[] twiddleRe,
      short[] twiddleIm,
      short[] superTwiddleRe,
      short[] superTwiddleIm) {}

  /**
   * This transform's tables.
   *
   * @return copies of the tables {@link #forward} uses
   */
  public Tables tables() {
    return new Tables(
        nfft,
        radices(),
        stageLengths(),
        strides(),
        gather(),
        twiddleRe(),
        twiddleIm(),
        superTwiddleRe(),
        superTwiddleIm());
  }

  /** Stage radices, deepest stage last, as {@code kf_factor} orders them. */
  int[] radices() {
    int[] r = new int[stages];
    for (int i = 0; i < stages; i++) {
      r[i] = factors[2 * i];
    }
    return r;
  }

  /** Butterflies per sub-block ({@code m}) of each stage. */
  int[] stageLengths() {
    int[] m = new int[stages];
    for (int i = 0; i < stages; i++) {
      m[i] = factors[2 * i + 1];
    }
    return m;
  }

  int[] strides() {
    return strides.clone();
  }

  int[] gather() {
    return gather.clone();
  }

  short[] twiddleRe() {
    return twRe.clone();
  }

  short[] twiddleIm() {
    return twIm.clone();
  }

  short[] superTwiddleRe() {
    return superRe.clone();
  }

  short[] superTwiddleIm() {
    return superIm.clone();
  }

  int size() {
    return nfft;
  }

  /**
   * Transforms {@code nfft} real samples into {@code nfft/2+1} complex bins.
   *
   * @param in the real input, at least {@code nfft} values
   * @param outRe real parts, at least {@code nfft/2+1}
   * @param outIm imaginary parts, at least {@code nfft/2+1}
   */
  public void forward(short[] in, short[] outRe, short[] outIm) {
    transform(in);
    short tdcR = divScalar(bufRe[0], 2);
    short tdcI = divScalar(bufIm[0], 2);
    outRe[0] = (short) (tdcR + tdcI);
    outRe[ncfft] = (short) (tdcR - tdcI);
    outIm[0] = 0;
    outIm[ncfft] = 0;
    for (int k = 1; k <= ncfft / 2; k++) {
      short fpkR = divScalar(bufRe[k], 2);
      short fpkI = divScalar(bufIm[k], 2);
      short fpnkR = divScalar(bufRe[ncfft - k], 2);
      short fpnkI = divScalar((short) -bufIm[ncfft - k], 2);
      short f1kR = (short) (fpkR + fpnkR);
      short f1kI = (short) (fpkI + fpnkI);
      short f2kR = (short) (fpkR - fpnkR);
      short f2kI = (short) (fpkI - fpnkI);
      short twR = sround(f2kR * superRe[k - 1] - f2kI * superIm[k - 1]);
      short twI = sround(f2kR * superIm[k - 1] + f2kI * superRe[k - 1]);
      outRe[k] = (short) ((f1kR + twR) >> 1);
      outIm[k] = (short) ((f1kI + twI) >> 1);
      outRe[ncfft - k] = (short) ((f1kR - twR) >> 1);
      outIm[ncfft - k] = (short) ((twI - f1kI) >> 1);
    }
  }

  /**
   * kissfft's {@code kf_work} unrolled: its recursion gathers the input in mixed-radix
   * digit-reversed order ({@link #gather}, computed once) and then runs the butterflies of the
   * deepest level first; every sub-block of a level is independent, so running a whole level before
   * the next gives the same values.
   */
  private void transform(short[] in) {
    for (int o = 0; o < ncfft; o++) {
      int i = gather[o];
      bufRe[o] = in[2 * i];
      bufIm[o] = in[2 * i + 1];
    }
    for (int level = stages - 1; level >= 0; level--) {
      int p = factors[2 * level];
      int m = factors[2 * level + 1];
      int fstride = strides[level];
      int length = p * m;
      for (int block = 0; block < fstride; block++) {
        if (p == 4) {
          butterfly4(block * length, fstride, m);
        } else {
          butterfly2(block * length, fstride, m);
        }
      }
    }
  }

  /** Mirrors {@code kf_work}'s recursion to record which input lands at each output slot. */
  private void buildGather(int out, int inIndex, int fstride, int factorIndex) {
    int p = factors[factorIndex];
    int m = factors[factorIndex + 1];
    int end = out + p * m;
    if (m == 1) {
      for (int o = out; o < end; o++) {
        gather[o] = inIndex;
        inIndex += fstride;
      }
    } else {
      for (int o = out; o < end; o += m) {
        buildGather(o, inIndex, fstride * p, factorIndex + 2);
        inIndex += fstride;
      }
    }
  }

  // The butterflies read each value into locals once and store each result once; the order of
  // the 16-bit roundings and wraps is kissfft's.
  private void butterfly2(int out, int fstride, int m) {
    short[] re = bufRe;
    short[] im = bufIm;
    for (int k = 0; k < m; k++) {
      int a = out + k;
      int b = a + m;
      int tw = k * fstride;
      int aR = divScalar(re[a], 2);
      int aI = divScalar(im[a], 2);
      int bR = divScalar(re[b], 2);
      int bI = divScalar(im[b], 2);
      int wR = twRe[tw];
      int wI = twIm[tw];
      int tR = sround(bR * wR - bI * wI);
      int tI = sround(bR * wI + bI * wR);
      re[b] = (short) (aR - tR);
      im[b] = (short) (aI - tI);
      re[a] = (short) (aR + tR);
      im[a] = (short) (aI + tI);
    }
  }

  private void butterfly4(int out, int fstride, int m) {
    short[] re = bufRe;
    short[] im = bufIm;
    for (int k = 0; k < m; k++) {
      int f0 = out + k;
      int f1 = f0 + m;
      int f2 = f1 + m;
      int f3 = f2 + m;
      int x0R = divScalar(re[f0], 4);
      int x0I = divScalar(im[f0], 4);
      int x1R = divScalar(re[f1], 4);
      int x1I = divScalar(im[f1], 4);
      int x2R = divScalar(re[f2], 4);
      int x2I = divScalar(im[f2], 4);
      int x3R = divScalar(re[f3], 4);
      int x3I = divScalar(im[f3], 4);
      int t1 = k * fstride;
      int t2 = t1 + t1;
      int t3 = t2 + t1;
      int w1R = twRe[t1];
      int w1I = twIm[t1];
      int w2R = twRe[t2];
      int w2I = twIm[t2];
      int w3R = twRe[t3];
      int w3I = twIm[t3];
      int s0R = sround(x1R * w1R - x1I * w1I);
      int s0I = sround(x1R * w1I + x1I * w1R);
      int s1R = sround(x2R * w2R - x2I * w2I);
      int s1I = sround(x2R * w2I + x2I * w2R);
      int s2R = sround(x3R * w3R - x3I * w3I);
      int s2I = sround(x3R * w3I + x3I * w3R);
      int s5R = (short) (x0R - s1R);
      int s5I = (short) (x0I - s1I);
      int y0R = (short) (x0R + s1R);
      int y0I = (short) (x0I + s1I);
      int s3R = (short) (s0R + s2R);
      int s3I = (short) (s0I + s2I);
      int s4R = (short) (s0R - s2R);
      int s4I = (short) (s0I - s2I);
      re[f2] = (short) (y0R - s3R);
      im[f2] = (short) (y0I - s3I);
      re[f0] = (short) (y0R + s3R);
      im[f0] = (short) (y0I + s3I);
      re[f1] = (short) (s5R + s4I);
      im[f1] = (short) (s5I - s4R);
      re[f3] = (short) (s5R - s4I);
      im[f3] = (short) (s5I + s4R);
    }
  }

  /** kissfft's {@code kf_factor}: powers of 4 first, then 2 (sizes here are powers of two). */
  private static int[] factor(int n) {
    int[] buf = new int[64];
    int count = 0;
    int p = 4;
    while (n > 1) {
      while (n % p != 0) {
        p = 2;
      }
      n /= p;
      buf[count++] = p;
      buf[count++] = n;
    }
    return java.util.Arrays.copyOf(buf, count);
  }

  private static short q15(double v) {
    return (short) Math.floor(.5 + 32767 * v);
  }

  private static short sround(int x) {
    return (short) ((x + (1 << 14)) >> 15);
  }

  private static short divScalar(short x, int k) {
    return sround(x * (32767 / k));
  }
}
