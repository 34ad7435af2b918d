package dev.tinyml.ops.kernels.signal;

import dev.tinyml.preprocess.KissFftQ15;

/**
 * {@code SignalRfft} for int16: each frame is zero-padded to the FFT length and transformed by
 * kissfft in Q15 fixed point, giving interleaved real and imaginary int16 bins. One instance per
 * interpreter: it holds the FFT's work buffers.
 */
public final class Rfft {
  private final KissFftQ15 fft;
  private final int frameLength;
  private final short[] work;
  private final short[] re;
  private final short[] im;

  /**
   * Prepares the transform.
   *
   * @param fftLength FFT size, a power of two of at least 4
   * @param frameLength samples per input frame, at most {@code fftLength}
   */
  public Rfft(int fftLength, int frameLength) {
    this.fft = new KissFftQ15(fftLength);
    this.frameLength = frameLength;
    this.work = new short[fftLength];
    this.re = new short[fftLength / 2 + 1];
    this.im = new short[fftLength / 2 + 1];
  }

  /**
   * Transforms every frame of {@code in}.
   *
   * @param in int16 frames of {@code frameLength} samples
   * @param out {@code fftLength / 2 + 1} interleaved complex bins per frame
   */
  public void eval(short[] in, short[] out) {
    int bins = re.length;
    for (int f = 0, o = 0; f + frameLength <= in.length; f += frameLength, o += 2 * bins) {
      System.arraycopy(in, f, work, 0, frameLength);
      java.util.Arrays.fill(work, frameLength, work.length, (short) 0);
      fft.forward(work, re, im);
      for (int k = 0; k < bins; k++) {
        out[o + 2 * k] = re[k];
        out[o + 2 * k + 1] = im[k];
      }
    }
  }
}
