package dev.tinyml.savedmodel;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Import time of the largest fixture SavedModel (MLPerf Tiny KWS DS-CNN: 819 KB saved_model.pb, 141
 * variables) from disk to an in-memory TFLite model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ImportBenchmark {
  private Path kws;
  private SavedModelImporter importer;

  /** Resolves the fixture once. */
  @Setup
  public void setUp() {
    kws = Fixtures.path("savedmodel/keras_kws_ds_cnn");
    importer = SavedModelImporter.builder().build();
  }

  /** Reads saved_model.pb and the variables, inlines, folds and lowers. */
  @Benchmark
  public Model importKwsDsCnn() throws SavedModelException {
    return importer.importModel(kws).model();
  }

  /** The first import in a fresh JVM, as a one-shot Maven goal sees it (class loading included). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public Model importKwsDsCnnColdJvm() throws SavedModelException {
    return importer.importModel(kws).model();
  }

  /** Only lists the signatures (parses saved_model.pb). */
  @Benchmark
  public SavedModelInfo readInfoKwsDsCnn() throws SavedModelException {
    return SavedModelInfo.read(kws);
  }
}
