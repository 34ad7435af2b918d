package dev.tinyml.interp;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
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
 * One inference of person detection (96x96 int8 MobileNet) and of micro_speech on the recorded
 * fixture inputs, one thread, prepared once. Compare with TFLM's reference kernels built with -O2
 * on the same machine: about 33 ms and 1.4 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
@Threads(1)
public class InterpreterBenchmark {
  private Interpreter person;
  private Interpreter speech;

  /** Prepares both models and loads their inputs once. */
  @Setup
  public void setUp() throws Exception {
    person =
        PreparedModel.prepare(
                TfliteReader.read(Fixtures.path("tflite/person_detection/person_detect.tflite")))
            .newInterpreter();
    person
        .input(0)
        .setBytes(Files.readAllBytes(Fixtures.path("expected/person_detect/person.input0.bin")));
    speech =
        PreparedModel.prepare(
                TfliteReader.read(
                    Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite")))
            .newInterpreter();
    speech
        .input(0)
        .setBytes(Files.readAllBytes(Fixtures.path("expected/micro_speech/yes_1000ms.input0.bin")));
  }

  /** Person detection, one invoke. */
  @Benchmark
  public byte[] personDetect() {
    person.invoke();
    return person.output(0).int8();
  }

  /** micro_speech, one invoke. */
  @Benchmark
  public byte[] microSpeech() {
    speech.invoke();
    return speech.output(0).int8();
  }
}
