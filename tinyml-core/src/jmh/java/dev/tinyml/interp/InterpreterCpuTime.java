package dev.tinyml.interp;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.TfliteReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;

/**
 * The CPU time (not wall time) of one inference, best of 30 rounds after warm-up: a companion to
 * {@link InterpreterBenchmark} for shared machines, where other processes inflate wall time but not
 * the thread's own CPU time. Run with the test classpath; prints one line per model.
 */
public final class InterpreterCpuTime {

  private InterpreterCpuTime() {}

  /** Measures person detection and micro_speech. */
  public static void main(String[] args) throws Exception {
    measure(
        "person_detect",
        "tflite/person_detection/person_detect.tflite",
        "expected/person_detect/person.input0.bin",
        10);
    measure(
        "micro_speech",
        "tflite/micro_speech/micro_speech_quantized.tflite",
        "expected/micro_speech/yes_1000ms.input0.bin",
        100);
  }

  private static void measure(String label, String model, String input, int perRound)
      throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Interpreter it =
        PreparedModel.prepare(TfliteReader.read(Fixtures.path(model))).newInterpreter();
    it.input(0).setBytes(Files.readAllBytes(Fixtures.path(input)));
    for (int i = 0; i < 20 * perRound; i++) {
      it.invoke();
    }
    double bestCpu = Double.MAX_VALUE;
    double bestWall = Double.MAX_VALUE;
    for (int round = 0; round < 30; round++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        it.invoke();
      }
      long t1 = System.nanoTime();
      long c1 = mx.getCurrentThreadCpuTime();
      bestCpu = Math.min(bestCpu, (c1 - c0) / 1e6 / perRound);
      bestWall = Math.min(bestWall, (t1 - t0) / 1e6 / perRound);
    }
    System.out.printf(
        "%s: best CPU time %.3f ms, best wall time %.3f ms per inference%n",
        label, bestCpu, bestWall);
  }
}
