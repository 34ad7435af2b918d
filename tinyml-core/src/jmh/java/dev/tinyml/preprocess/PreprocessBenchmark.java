package dev.tinyml.preprocess;

import dev.tinyml.testing.Fixtures;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the micro frontend and of MFCC on one second of 16 kHz speech (yes_1000ms.wav), one
 * thread, each against a straightforward baseline in the same run. Real-time factor = 1 s / the
 * average time per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class PreprocessBenchmark {
  private short[] pcm;
  private float[] samples;
  private MicroFrontend frontend;
  private SpectralFeatures mfcc;

  /** Loads the clip and builds the extractors once. */
  @Setup
  public void setUp() {
    pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    AudioClip clip = Wav.read(Fixtures.path("audio/micro_speech/yes_1000ms.wav"));
    pcm = clip.toPcm16();
    samples = clip.samples();
    frontend = new MicroFrontend(MicroFrontendConfig.microSpeech(), 16000);
    mfcc = new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC);
  }

  /** The frontend with its tables built once: reset, then stream the clip through. */
  @Benchmark
  public List<int[]> frontend() {
    frontend.reset();
    return frontend.accept(pcm, 0, pcm.length);
  }

  /**
   * Baseline: the same integer pipeline, rebuilding every table (window, FFT twiddles, filterbank
   * weights, PCAN gain LUT) for each frame, as a direct implementation without precomputation
   * would.
   */
  @Benchmark
  public int frontendRebuildingTablesPerFrame() {
    int sum = 0;
    for (int start = 0; start + 480 <= pcm.length; start += 320) {
      MicroFrontend perFrame = new MicroFrontend(MicroFrontendConfig.microSpeech(), 16000);
      sum += perFrame.accept(pcm, start, 480).get(0)[0];
    }
    return sum;
  }

  /** MFCC on JTransforms' real FFT with precomputed window, mel weights and DCT table. */
  @Benchmark
  public float[][] mfcc() {
    return mfcc.compute(samples);
  }

  /** Baseline: naive MFCC with an O(N^2) DFT and every table recomputed per frame. */
  @Benchmark
  public float[][] mfccNaiveDft() {
    return NaiveMfcc.compute(samples, SpectralConfig.defaults());
  }
}
