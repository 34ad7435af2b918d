package dev.tinyml.convert;

import dev.tinyml.preprocess.SamplePreprocessing;
import dev.tinyml.quant.RepresentativeDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the samples come from that calibrate int8 quantization and measure float-vs-int8 agreement.
 */
public sealed interface RepresentativeData {
  /**
   * No samples: a float model then cannot be quantized.
   *
   * @return the source
   */
  static RepresentativeData none() {
    return new None();
  }

  /**
   * A directory of sample files, read recursively in path order.
   *
   * @param directory the directory
   * @param preprocessing how each file becomes model inputs
   * @return the source
   */
  static RepresentativeData directory(Path directory, SamplePreprocessing preprocessing) {
    return new Directory(directory, preprocessing);
  }

  /**
   * Samples made in memory.
   *
   * @param dataset the samples
   * @return the source
   */
  static RepresentativeData of(RepresentativeDataset dataset) {
    return new Dataset(dataset);
  }

  /**
   * A class implementing {@link RepresentativeDataset} with a public no-argument constructor,
   * loaded from {@code classpath} (then from this library's own class loader).
   *
   * @param className the fully qualified class name
   * @param classpath directories and jars to load it from; part of the up-to-date check
   * @return the source
   */
  static RepresentativeData datasetClass(String className, List<Path> classpath) {
    return new DatasetClass(className, classpath);
  }

  /** No samples. */
  record None() implements RepresentativeData {}

  /**
   * A directory of sample files.
   *
   * @param directory the directory
   * @param preprocessing how files become inputs
   */
  record Directory(Path directory, SamplePreprocessing preprocessing)
      implements RepresentativeData {
    /** Checks for nulls. */
    public Directory {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(preprocessing, "preprocessing");
    }
  }

  /**
   * Samples in memory.
   *
   * @param dataset the samples
   */
  record Dataset(RepresentativeDataset dataset) implements RepresentativeData {
    /** Checks for nulls. */
    public Dataset {
      Objects.requireNonNull(dataset, "dataset");
    }
  }

  /**
   * A dataset class.
   *
   * @param className the class name
   * @param classpath where to load it from
   */
  record DatasetClass(String className, List<Path> classpath) implements RepresentativeData {
    /** Copies the classpath. */
    public DatasetClass {
      Objects.requireNonNull(className, "className");
      classpath = List.copyOf(classpath);
    }
  }
}
