package dev.tinyml.tflite;

import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read and write throughput of {@code .tflite} fixtures. Divide the file size by the average time
 * per operation for bytes per second. Run:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl tinyml-core test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.openjdk.jmh.Main TfliteBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TfliteBenchmark {

  @Param({
    "tflite/person_detection/person_detect.tflite",
    "tflite/dtln/dtln_noise_suppression.tflite"
  })
  public String fixture;

  private byte[] bytes;
  private Model model;

  @Setup
  public void load() throws Exception {
    bytes = Files.readAllBytes(Fixtures.path(fixture));
    model = TfliteReader.read(bytes);
  }

  @Benchmark
  public Model read() throws TfliteFormatException {
    return TfliteReader.read(bytes);
  }

  @Benchmark
  public byte[] write() throws TfliteFormatException {
    return TfliteWriter.write(model);
  }
}
