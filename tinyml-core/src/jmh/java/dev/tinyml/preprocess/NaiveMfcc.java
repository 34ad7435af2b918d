package dev.tinyml.preprocess;

/** A textbook MFCC: direct DFT, window, mel filters and DCT all evaluated per frame. */
final class NaiveMfcc {
  private NaiveMfcc() {}

  static float[][] compute(float[] x, SpectralConfig c) {
    int frames = x.length < c.frameLength() ? 0 : 1 + (x.length - c.frameLength()) / c.frameStep();
    int bins = c.fftLength() / 2 + 1;
    float[][] out = new float[frames][c.mfccCount()];
    for (int f = 0; f < frames; f++) {
      int offset = f * c.frameStep();
      double[] spectrum = new double[bins];
      for (int k = 0; k < bins; k++) {
        double re = 0;
        double im = 0;
        for (int n = 0; n < c.frameLength(); n++) {
          double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / c.frameLength());
          double v = x[offset + n] * w;
          double phase = -2 * Math.PI * k * n / c.fftLength();
          re += v * Math.cos(phase);
          im += v * Math.sin(phase);
        }
        spectrum[k] = Math.sqrt(re * re + im * im);
      }
      float[][] weights =
          new MelFilterbank(
                  c.sampleRate(),
                  c.fftLength(),
                  c.melBands(),
                  c.fMin(),
                  c.fMax(),
                  c.melScale(),
                  c.slaneyNorm())
              .matrix(bins);
      double[] logMel = new double[c.melBands()];
      for (int b = 0; b < c.melBands(); b++) {
        double e = 0;
        for (int k = 0; k < bins; k++) {
          e += weights[b][k] * spectrum[k];
        }
        logMel[b] = Math.log(e + c.logOffset());
      }
      for (int k = 0; k < c.mfccCount(); k++) {
        double acc = 0;
        for (int n = 0; n < logMel.length; n++) {
          acc += logMel[n] * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * logMel.length));
        }
        out[f][k] = (float) (acc * Math.sqrt((k == 0 ? 1.0 : 2.0) / logMel.length));
      }
    }
    return out;
  }
}
