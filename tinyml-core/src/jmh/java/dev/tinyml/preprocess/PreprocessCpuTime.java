package dev.tinyml.preprocess;

import dev.tinyml.testing.Fixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Companion to {@link PreprocessBenchmark} for shared, oversubscribed machines: the same work timed
 * by the thread's CPU time rather than wall-clock time, so that time spent waiting for a core does
 * not count. Prints the real-time factor of the micro frontend and MFCC per round.
 */
public final class PreprocessCpuTime {
  private PreprocessCpuTime() {}

  /**
   * Runs five rounds of 2000 one-second clips each.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    AudioClip clip = Wav.read(Fixtures.path("audio/micro_speech/yes_1000ms.wav"));
    short[] pcm = clip.toPcm16();
    float[] samples = clip.samples();
    MicroFrontend frontend = new MicroFrontend(MicroFrontendConfig.microSpeech(), 16000);
    SpectralFeatures mfcc = new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int clips = 2000;
    long sink = 0;
    for (int round = 1; round <= 5; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < clips; i++) {
        frontend.reset();
        sink += frontend.accept(pcm, 0, pcm.length).size();
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < clips; i++) {
        sink += mfcc.compute(samples).length;
      }
      long t2 = threads.getCurrentThreadCpuTime();
      double frontendUs = (t1 - t0) / 1e3 / clips;
      double mfccUs = (t2 - t1) / 1e3 / clips;
      System.out.printf(
          Locale.ROOT,
          "round %d: frontend %.0f us CPU per 1 s clip (%.0fx real time), "
              + "mfcc %.0f us (%.0fx)%n",
          round,
          frontendUs,
          1e6 / frontendUs,
          mfccUs,
          1e6 / mfccUs);
    }
    System.out.println("(frames computed: " + sink + ")");
  }
}
