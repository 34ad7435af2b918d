package dev.tinyml.quant;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.Model;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calibration throughput, in samples per second, of a MobileNet-style depthwise-separable float
 * model on 96x96 grayscale inputs (conv 3x3/2 to 8 channels, depthwise + pointwise to 16, depthwise
 * + pointwise to 32, global average pool, dense 4, softmax; about 2.1 M MACs), quantized end to end
 * from 64 samples with 1 or 2 calibration threads. The peer is plain float inference of the same
 * model, one sample per operation, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class CalibrationBenchmark {
  private static final int SAMPLES = 64;

  @Param({"1", "2"})
  public int threads;

  private Model model;
  private RepresentativeDataset data;
  private Interpreter interpreter;
  private float[] one;

  /** Builds the model and the samples once. */
  @Setup
  public void setUp() {
    model = FloatModels.mobileNetStyle(7, 96, 8);
    List<float[]> samples = FloatModels.uniformSamples(1, SAMPLES, 96 * 96);
    data = RepresentativeDataset.ofSingleInput(samples);
    interpreter = PreparedModel.prepare(model).newInterpreter();
    one = samples.get(0);
  }

  /** Calibration and rewriting of the whole model, per sample. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public Model quantize() {
    return ModelQuantizer.quantize(
        model, data, QuantizationOptions.defaults().withBatching(32, threads));
  }

  /** Peer: one float inference, without watching any tensor. */
  @Benchmark
  public float floatInference() {
    interpreter.input(0).setFloat(one);
    interpreter.invoke();
    return interpreter.output(0).floats()[0];
  }
}
