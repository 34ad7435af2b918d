package dev.tinyml.convert;

import dev.tinyml.preprocess.PreprocessException;
import dev.tinyml.preprocess.SampleDirectory;
import dev.tinyml.preprocess.SamplePreprocessing;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.tflite.Model;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The representative samples of a conversion, opened once: read from a directory, made by a dataset
 * class, or given. Closing releases a dataset class's loader.
 */
final class Samples implements Closeable {
  private final RepresentativeDataset dataset;
  private final URLClassLoader loader;
  private final List<String> warnings;

  private Samples(RepresentativeDataset dataset, URLClassLoader loader, List<String> warnings) {
    this.dataset = dataset;
    this.loader = loader;
    this.warnings = List.copyOf(warnings);
  }

  RepresentativeDataset dataset() {
    return dataset;
  }

  /** The warnings logged while reading the samples, for the report's notes. */
  List<String> warnings() {
    return warnings;
  }

  @Override
  public void close() throws IOException {
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException e) {
        throw new IOException("Cannot close the project class loader: " + e, e);
      }
    }
  }

  /** Fails early on a sample directory that is missing or empty. */
  static void check(ConversionRequest request) throws ConversionException {
    check(request.representativeData(), request.setting("representativeData"));
    check(request.heldOutData(), request.setting("heldOutData"));
  }

  private static void check(RepresentativeData data, String setting) throws ConversionException {
    if (!(data instanceof RepresentativeData.Directory d)) {
      return;
    }
    Path dir = d.directory();
    if (!Files.isDirectory(dir)) {
      throw new ConversionException(setting + ": no such directory " + dir);
    }
    try (Stream<Path> s = Files.walk(dir)) {
      if (s.noneMatch(Files::isRegularFile)) {
        throw new ConversionException(
            setting
                + ": the directory "
                + dir
                + " is empty; put representative samples (WAV, PNG/JPEG, .npy, CSV) in it.");
      }
    } catch (IOException e) {
      throw new ConversionException("Cannot list " + setting + " " + dir + ": " + e, e);
    }
  }

  /** Opens the samples for quantizing {@code floatModel}. */
  static Samples open(ConversionRequest request, Model floatModel, String modelFile)
      throws ConversionException {
    RepresentativeData data = request.representativeData();
    if (data instanceof RepresentativeData.Dataset d) {
      return new Samples(d.dataset(), null, List.of());
    }
    if (data instanceof RepresentativeData.Directory d) {
      return fromDirectory(request, "representativeData", "representative", d, floatModel);
    }
    if (data instanceof RepresentativeData.DatasetClass c) {
      URLClassLoader loader = loader(c.classpath());
      try {
        return new Samples(fromClass(request, c.className(), loader), loader, List.of());
      } catch (ConversionException | RuntimeException e) {
        try {
          loader.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
    throw new ConversionException(
        "Quantizing the float model "
            + modelFile
            + " to int8 needs representative samples: set "
            + request.setting("representativeData")
            + " to a directory of samples (with "
            + request.setting("preprocessing")
            + " for WAV, image or time-series files), or "
            + request.setting("representativeDatasetClass")
            + " to a class of the project, or set "
            + request.setting("quantization")
            + "=none to put the float model on the board.");
  }

  /**
   * Opens the held-out samples for measuring the agreement, or returns empty when the agreement is
   * measured on the calibration samples.
   */
  static Optional<Samples> openHeldOut(ConversionRequest request, Model floatModel)
      throws ConversionException {
    RepresentativeData data = request.heldOutData();
    if (data instanceof RepresentativeData.Dataset d) {
      return Optional.of(new Samples(d.dataset(), null, List.of()));
    }
    if (data instanceof RepresentativeData.Directory d) {
      return Optional.of(fromDirectory(request, "heldOutData", "held-out", d, floatModel));
    }
    return Optional.empty();
  }

  private static Samples fromDirectory(
      ConversionRequest request,
      String settingName,
      String kind,
      RepresentativeData.Directory data,
      Model floatModel)
      throws ConversionException {
    String setting = request.setting(settingName);
    int[] inputs = floatModel.primarySubgraph().inputs();
    if (inputs.length != 1) {
      throw new ConversionException(
          setting
              + ": the model has "
              + inputs.length
              + " inputs; a directory of samples feeds single-input models only. Give a "
              + request.setting("representativeDatasetClass")
              + " that yields one float[] per input.");
    }
    Path dir = data.directory();
    SamplePreprocessing preprocessing = data.preprocessing();
    int[] shape = floatModel.primarySubgraph().tensor(inputs[0]).shape();
    SampleDirectory.Samples samples;
    try {
      samples = SampleDirectory.read(dir, preprocessing, shape);
    } catch (PreprocessException e) {
      throw new ConversionException(setting + ": " + e.getMessage(), e);
    }
    List<String> skipped = samples.skipped();
    if (!skipped.isEmpty()) {
      request
          .log()
          .warn(
              setting
                  + ": skipped "
                  + skipped.size()
                  + " files that preprocessing "
                  + preprocessing.name()
                  + " does not read ("
                  + String.join(", ", preprocessing.extensions())
                  + "): "
                  + String.join(", ", skipped.subList(0, Math.min(5, skipped.size())))
                  + (skipped.size() > 5 ? ", ..." : ""));
    }
    request
        .log()
        .info(
            samples.samples().size()
                + " "
                + kind
                + " samples from "
                + samples.files().size()
                + " files in "
                + dir
                + " (preprocessing "
                + preprocessing.name()
                + ")");
    boolean heldOut = !settingName.equals("representativeData");
    List<String> warnings = new ArrayList<>();
    for (String warning : samples.warnings()) {
      // The few-samples warning speaks of calibration; held-out samples get their own below.
      if (!(heldOut && warning.startsWith("only "))) {
        warnings.add(setting + ": " + warning);
      }
    }
    int n = samples.samples().size();
    if (heldOut && n < SampleDirectory.FEW_SAMPLES) {
      warnings.add(
          setting
              + ": only "
              + n
              + (n == 1 ? " sample" : " samples")
              + " in "
              + dir
              + ": each moves the agreement by "
              + String.format(Locale.ROOT, "%.1f", 100.0 / n)
              + " %, so the figure is coarse");
    }
    warnings.forEach(request.log()::warn);
    return new Samples(RepresentativeDataset.ofSingleInput(samples.samples()), null, warnings);
  }

  /** A loader over the classpath; parent first, so the dataset interface is this library's. */
  private static URLClassLoader loader(List<Path> classpath) throws ConversionException {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classpath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new ConversionException("Bad classpath element " + classpath.get(i) + ": " + e, e);
      }
    }
    return new URLClassLoader(urls, RepresentativeDataset.class.getClassLoader());
  }

  private static RepresentativeDataset fromClass(
      ConversionRequest request, String className, ClassLoader loader) throws ConversionException {
    String name = className.trim();
    String what = request.setting("representativeDatasetClass") + " " + name;
    Class<?> type;
    try {
      type = Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new ConversionException(
          what
              + ": no such class on the project's runtime classpath (target/classes and the"
              + " runtime dependencies). Put it in src/main/java, or in a dependency, and give its"
              + " fully qualified name.",
          e);
    } catch (LinkageError e) {
      throw new ConversionException(what + " cannot be loaded: " + e, e);
    }
    if (!RepresentativeDataset.class.isAssignableFrom(type)) {
      throw new ConversionException(
          what
              + " does not implement "
              + RepresentativeDataset.class.getName()
              + " (an Iterable<float[][]>: each sample is one float[] per model input, flattened"
              + " row-major).");
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new ConversionException(what + " is abstract; give a concrete class.");
    }
    try {
      Object dataset = type.getConstructor().newInstance();
      request.log().info("representative samples from " + name);
      return (RepresentativeDataset) dataset;
    } catch (NoSuchMethodException e) {
      throw new ConversionException(
          what + " has no public no-argument constructor; add one (the goal instantiates it).", e);
    } catch (IllegalAccessException e) {
      throw new ConversionException(
          what + " is not accessible; make the class and its no-argument constructor public.", e);
    } catch (InvocationTargetException e) {
      throw new ConversionException(what + ": its constructor threw " + e.getCause(), e.getCause());
    } catch (InstantiationException e) {
      throw new ConversionException(what + " cannot be instantiated: " + e, e);
    }
  }
}
