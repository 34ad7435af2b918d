package dev.tinyml.maven;

import dev.tinyml.codegen.AtomicFiles;
import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.CodegenException;
import dev.tinyml.codegen.ConversionQuality;
import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.codegen.FirmwareGenerator;
import dev.tinyml.codegen.FirmwareRequest;
import dev.tinyml.codegen.FirmwareResult;
import dev.tinyml.codegen.Footprint;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.codegen.TfliteFirmware;
import dev.tinyml.preprocess.ImageNormalization;
import dev.tinyml.preprocess.PreprocessException;
import dev.tinyml.preprocess.SampleDirectory;
import dev.tinyml.preprocess.SamplePreprocessing;
import dev.tinyml.quant.CalibrationMethod;
import dev.tinyml.quant.IoType;
import dev.tinyml.quant.ModelQuantizer;
import dev.tinyml.quant.QuantizationException;
import dev.tinyml.quant.QuantizationOptions;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.savedmodel.ImportResult;
import dev.tinyml.savedmodel.SavedModelException;
import dev.tinyml.savedmodel.SavedModelImporter;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SignatureDef;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteFormatException;
import dev.tinyml.tflite.TfliteReader;
import dev.tinyml.tflite.TfliteWriter;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Converts a SavedModel or a {@code .tflite} file into the files an Arduino project needs: {@code
 * model.tflite}, {@code model.cc}/{@code model.h}, a sketch folder, an Arduino library zip
 * (attached to the build with classifier {@code arduino}) and a conversion report, checked against
 * the board's flash and RAM. Runs without a project too, every parameter given as a {@code
 * tinyml.*} property.
 */
@Mojo(
    name = "convert",
    defaultPhase = LifecyclePhase.PACKAGE,
    threadSafe = true,
    requiresProject = false,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ConvertMojo extends AbstractMojo {
  private static final List<String> IO_TYPES = List.of("int8", "uint8", "int16", "float32");

  /** A TensorFlow SavedModel directory (with {@code saved_model.pb}); or use tfliteModel. */
  @Parameter(property = "tinyml.savedModel")
  File savedModel;

  /** A {@code .tflite} file, already quantized or float; or use savedModel. */
  @Parameter(property = "tinyml.tfliteModel")
  File tfliteModel;

  /** The SavedModel signature to convert; for a {@code .tflite}, checked against its signatures. */
  @Parameter(property = "tinyml.signature", defaultValue = "serving_default")
  String signature = "serving_default";

  /**
   * A directory of representative samples for int8 calibration (read recursively, in path order),
   * turned into model inputs by {@link #preprocessing}.
   */
  @Parameter(property = "tinyml.representativeData")
  File representativeData;

  /**
   * How the files of {@code representativeData} become model inputs: {@code none} ({@code .npy} and
   * {@code .csv} already shaped like the input), {@code micro-frontend}, {@code mfcc}, {@code
   * log-mel} (WAV clips), {@code image} (PNG, JPEG, BMP, GIF) or {@code time-series} (CSV tables
   * cut into windows).
   */
  @Parameter(property = "tinyml.preprocessing", defaultValue = "none")
  String preprocessing = "none";

  /** For {@code preprocessing=image}: {@code zero-one}, {@code minus-one-one} or {@code none}. */
  @Parameter(property = "tinyml.imageNormalization", defaultValue = "zero-one")
  String imageNormalization = "zero-one";

  /**
   * For {@code preprocessing=time-series}: rows per window; default: the model input's values
   * divided by the CSV's columns.
   */
  @Parameter(property = "tinyml.windowSize")
  Integer windowSize;

  /** For {@code preprocessing=time-series}: rows between window starts; default: windowSize. */
  @Parameter(property = "tinyml.windowStride")
  Integer windowStride;

  /**
   * Instead of {@code representativeData}: the name of a class on the project's runtime classpath
   * (for example in {@code src/main/java}) that implements {@code
   * dev.tinyml.quant.RepresentativeDataset} and has a public no-argument constructor.
   */
  @Parameter(property = "tinyml.representativeDatasetClass")
  String representativeDatasetClass;

  /** {@code int8} (full-integer quantization) or {@code none}. */
  @Parameter(property = "tinyml.quantization", defaultValue = "int8")
  String quantization = "int8";

  /**
   * How int8 calibration picks each tensor's range from the representative samples: {@code minmax}
   * (default, as TensorFlow's converter), {@code percentile:P} (clip at the P-th percentile, e.g.
   * {@code percentile:99.99}), {@code mse} (least expected quantization error), {@code entropy}
   * (least KL divergence) or {@code moving-average:C} (moving averages of batch min and max).
   */
  @Parameter(property = "tinyml.calibration", defaultValue = "minmax")
  String calibration = "minmax";

  /**
   * Subtract each layer's expected weight-quantization error from its int8 bias, {@code (Wq - W)
   * E[x]} over the representative samples (not done by TensorFlow's converter).
   */
  @Parameter(property = "tinyml.biasCorrection", defaultValue = "false")
  boolean biasCorrection;

  /** The model input type after conversion: int8, uint8, int16 or float32; default: as is. */
  @Parameter(property = "tinyml.inputType")
  String inputType;

  /** The model output type after conversion: int8, uint8, int16 or float32; default: as is. */
  @Parameter(property = "tinyml.outputType")
  String outputType;

  /** Class names in output order: a text file with one per line, or a comma-separated list. */
  @Parameter(property = "tinyml.labels")
  String labels;

  /** nano33ble (default), nano33ble-rev2, nicla-vision, portenta-h7, rp2040, esp32 or custom. */
  @Parameter(property = "tinyml.board", defaultValue = "nano33ble")
  String board = "nano33ble";

  /** Program flash of a {@code custom} board, in bytes. */
  @Parameter(property = "tinyml.flashBytes")
  Long flashBytes;

  /** RAM of a {@code custom} board, in bytes. */
  @Parameter(property = "tinyml.ramBytes")
  Long ramBytes;

  /** The sketch template: kws, vww, anomaly or generic. */
  @Parameter(property = "tinyml.template", defaultValue = "generic")
  String template = "generic";

  /** Template parameters replacing the defaults (see docs/codegen.md). */
  @Parameter Map<String, String> templateParameters;

  /** The sketch and library name; default: the model file or directory name. */
  @Parameter(property = "tinyml.name")
  String name;

  /** Embed this project's tighter memory plan in the model (OfflineMemoryAllocation metadata). */
  @Parameter(property = "tinyml.offlinePlan", defaultValue = "false")
  boolean offlinePlan;

  /** Where the outputs go. */
  @Parameter(
      property = "tinyml.outputDirectory",
      defaultValue = "${project.build.directory}/tinyml")
  File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "tinyml.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  /**
   * Attaches the Arduino library zip to the project with classifier {@code arduino}, so that {@code
   * install} and {@code deploy} publish it. Set it false on an extra execution whose outputs are
   * not the project's artifact: two zips attached with one classifier replace each other.
   */
  @Parameter(property = "tinyml.attach", defaultValue = "true")
  boolean attach = true;

  @Inject MavenProjectHelper projectHelper;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("tinyml:convert skipped (tinyml.skip=true)");
      return;
    }
    Path source = modelSource();
    SketchTemplate sketchTemplate = parse(() -> SketchTemplate.named(template));
    Board target = parse(this::board);
    String quant = quantization == null ? "int8" : quantization.trim().toLowerCase(Locale.ROOT);
    if (!quant.equals("int8") && !quant.equals("none")) {
      throw new MojoFailureException(
          "tinyml.quantization must be int8 or none, got '" + quantization + "'");
    }
    checkIoType("inputType", inputType);
    checkIoType("outputType", outputType);
    SamplePreprocessing samplePreprocessing = samplePreprocessing();
    CalibrationMethod method = calibrationMethod(calibration);
    checkRepresentativeData();
    List<String> labelList = labels();
    Path out = outputDirectory().toPath();
    String generator = "tinyml-maven-plugin " + pluginVersion();

    String hash;
    try {
      ConvertFingerprint fingerprint =
          new ConvertFingerprint()
              .config(configuration(generator))
              .path("model", source)
              .path("labels", labelsFile())
              .path("representativeData", path(representativeData));
      for (Path element : datasetClasspath()) {
        fingerprint.path("classpath:" + element.getFileName(), element);
      }
      hash = fingerprint.hex();
      if (ConvertFingerprint.upToDate(out, hash)) {
        getLog()
            .info(
                "tinyml:convert: model and configuration unchanged since the last run; skipping"
                    + " (outputs in "
                    + out
                    + "; delete "
                    + ConvertFingerprint.STAMP
                    + " there to force).");
        attach(out.resolve(modelName(source) + "-arduino.zip"));
        return;
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the model or the output stamp: " + e, e);
    }

    Loaded loaded = savedModel != null ? importSavedModel(source) : readTflite(source);
    boolean isFloat = hasFloatWeights(loaded.model);
    String quantDone;
    ConversionReport.Agreement agreement = null;
    List<ConversionReport.TensorSqnr> worst = List.of();
    if (quant.equals("int8") && isFloat) {
      Model floatModel = loaded.model;
      try (URLClassLoader loader = datasetClassLoader()) {
        RepresentativeDataset data =
            loader != null
                ? datasetFromClass(loader)
                : representativeDataset(source, floatModel, samplePreprocessing);
        Loaded quantized = quantize(source, floatModel, data, method);
        loaded = quantized;
        agreement =
            userData(
                () -> parse(() -> ConversionQuality.agreement(floatModel, quantized.model, data)));
        worst =
            userData(
                () ->
                    parse(
                        () ->
                            ConversionQuality.worstTensors(floatModel, quantized.model, data, 5)));
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot close the project class loader: " + e, e);
      }
      quantDone =
          "int8 (quantized from float32, calibrated on "
              + agreement.samples()
              + " samples"
              + calibrationNote()
              + ")";
    } else {
      quantDone =
          quant.equals("int8")
              ? "int8 (model was already quantized)"
              : isFloat ? "none (float model)" : "none (model is quantized as given)";
      warnUnusedData();
      checkIoTypeMatches("inputType", inputType, loaded.model, true);
      checkIoTypeMatches("outputType", outputType, loaded.model, false);
    }

    FirmwareResult result;
    try {
      TfliteFirmware.Prepared prepared =
          TfliteFirmware.prepare(loaded.model, loaded.bytes, offlinePlan);
      FirmwareRequest.Builder request =
          TfliteFirmware.request(loaded.model, prepared, modelName(source), labelList)
              .name(modelName(source))
              .template(sketchTemplate)
              .board(target)
              .templateParameters(templateParameters == null ? Map.of() : templateParameters)
              .libraryVersion(libraryVersion())
              .generator(generator)
              .source(source.getFileName().toString())
              .quantization(quantDone + (prepared.offlinePlan() ? ", offline memory plan" : ""))
              .worstTensors(worst);
      if (agreement != null) {
        request.agreement(agreement);
      }
      ConversionQuality.weightHistograms(loaded.model, 4).forEach(request::histogram);
      result = FirmwareGenerator.generate(request.build(), out);
      AtomicFiles.write(
          out.resolve(ConvertFingerprint.STAMP),
          ConvertFingerprint.stamp(hash, out, result.files()));
    } catch (CodegenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the outputs to " + out + ": " + e, e);
    }
    Footprint f = result.report().footprint();
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "tinyml:convert: %s for %s: model %,d B, arena %,d B; flash %,d of %,d B (%.1f %%),"
                    + " RAM %,d of %,d B (%.1f %%)",
                source.getFileName(),
                target.id(),
                f.modelBytes(),
                f.arenaBytes(),
                f.flashBytes(),
                f.flashBudget(),
                100.0 * f.flashBytes() / f.flashBudget(),
                f.ramBytes(),
                f.ramBudget(),
                100.0 * f.ramBytes() / f.ramBudget()));
    getLog().info("tinyml:convert: wrote " + result.files().size() + " files to " + out);
    attach(result.libraryZip());
  }

  /** A model and its bytes. */
  private record Loaded(Model model, byte[] bytes) {}

  private interface Parse<T> {
    T get() throws CodegenException;
  }

  private static <T> T parse(Parse<T> p) throws MojoFailureException {
    try {
      return p.get();
    } catch (CodegenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  private Board board() throws CodegenException {
    if ("custom".equalsIgnoreCase(board.trim())) {
      if (flashBytes == null || ramBytes == null) {
        throw new CodegenException(
            "Board 'custom' needs tinyml.flashBytes and tinyml.ramBytes (the board's program"
                + " flash and RAM in bytes).");
      }
      return Board.custom(flashBytes, ramBytes);
    }
    if (flashBytes != null || ramBytes != null) {
      getLog()
          .warn(
              "tinyml.flashBytes/tinyml.ramBytes apply to board 'custom' only; board "
                  + board
                  + " uses its own budget.");
    }
    return Board.named(board);
  }

  private Path modelSource() throws MojoFailureException {
    if (savedModel == null && tfliteModel == null) {
      throw new MojoFailureException(
          "No model to convert: set tinyml.tfliteModel (a .tflite file) or tinyml.savedModel (a"
              + " SavedModel directory), in the plugin configuration or with -D.");
    }
    if (savedModel != null && tfliteModel != null) {
      throw new MojoFailureException(
          "Both tinyml.savedModel and tinyml.tfliteModel are set; convert one model per"
              + " execution.");
    }
    if (tfliteModel != null) {
      Path p = path(tfliteModel);
      if (!Files.isRegularFile(p)) {
        throw new MojoFailureException(
            "tfliteModel (-Dtinyml.tfliteModel): "
                + p
                + (Files.isDirectory(p)
                    ? " is a directory, not a .tflite file"
                    : " does not exist"));
      }
      return p;
    }
    Path p = path(savedModel);
    if (!Files.exists(p)) {
      throw new MojoFailureException("savedModel (-Dtinyml.savedModel): " + p + " does not exist");
    }
    if (!Files.isDirectory(p) || !Files.isRegularFile(p.resolve("saved_model.pb"))) {
      throw new MojoFailureException(
          "savedModel (-Dtinyml.savedModel): "
              + p
              + " is not a SavedModel directory (it needs saved_model.pb and variables/).");
    }
    return p;
  }

  private Loaded readTflite(Path file) throws MojoFailureException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      Model model = TfliteReader.read(bytes);
      List<SignatureDef> sigs = model.signatureDefs();
      if (!sigs.isEmpty() && sigs.stream().noneMatch(s -> signature.equals(s.signatureKey()))) {
        throw new MojoFailureException(
            file.getFileName()
                + " has no signature '"
                + signature
                + "'; its signatures: "
                + String.join(", ", sigs.stream().map(SignatureDef::signatureKey).toList())
                + ". Set tinyml.signature.");
      }
      return new Loaded(model, bytes);
    } catch (TfliteFormatException e) {
      throw new MojoFailureException(file + " is not a valid .tflite model: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoFailureException("Cannot read " + file + ": " + e, e);
    }
  }

  private Loaded importSavedModel(Path dir) throws MojoFailureException {
    try {
      ImportResult r = SavedModelImporter.builder().signature(signature).build().importModel(dir);
      return new Loaded(r.model(), TfliteWriter.write(r.model()));
    } catch (SavedModelException e) {
      throw new MojoFailureException("SavedModel " + dir + ": " + e.getMessage(), e);
    } catch (TfliteFormatException e) {
      throw new MojoFailureException(
          "The model imported from " + dir + " cannot be written as .tflite: " + e.getMessage(), e);
    }
  }

  private RepresentativeDataset representativeDataset(
      Path source, Model floatModel, SamplePreprocessing samplePreprocessing)
      throws MojoFailureException {
    if (representativeData == null) {
      throw new MojoFailureException(
          "Quantizing the float model "
              + source.getFileName()
              + " to int8 needs representative samples: set tinyml.representativeData to a"
              + " directory of samples (with tinyml.preprocessing for WAV, image or time-series"
              + " files), or tinyml.representativeDatasetClass to a class of the project, or set"
              + " tinyml.quantization=none to put the float model on the board.");
    }
    int[] inputs = floatModel.primarySubgraph().inputs();
    if (inputs.length != 1) {
      throw new MojoFailureException(
          "tinyml.representativeData: the model has "
              + inputs.length
              + " inputs; a directory of samples feeds single-input models only. Give a"
              + " tinyml.representativeDatasetClass that yields one float[] per input.");
    }
    Path dir = path(representativeData);
    int[] shape = floatModel.primarySubgraph().tensor(inputs[0]).shape();
    SampleDirectory.Samples samples;
    try {
      samples = SampleDirectory.read(dir, samplePreprocessing, shape);
    } catch (PreprocessException e) {
      throw new MojoFailureException("tinyml.representativeData: " + e.getMessage(), e);
    }
    if (!samples.skipped().isEmpty()) {
      getLog()
          .warn(
              "tinyml.representativeData: skipped "
                  + samples.skipped().size()
                  + " files that preprocessing "
                  + samplePreprocessing.name()
                  + " does not read ("
                  + String.join(", ", samplePreprocessing.extensions())
                  + "): "
                  + String.join(
                      ", ", samples.skipped().subList(0, Math.min(5, samples.skipped().size())))
                  + (samples.skipped().size() > 5 ? ", ..." : ""));
    }
    getLog()
        .info(
            "tinyml:convert: "
                + samples.samples().size()
                + " representative samples from "
                + samples.files().size()
                + " files in "
                + dir
                + " (preprocessing "
                + samplePreprocessing.name()
                + ")");
    return RepresentativeDataset.ofSingleInput(samples.samples());
  }

  private SamplePreprocessing samplePreprocessing() throws MojoFailureException {
    if (representativeData != null && representativeDatasetClass != null) {
      throw new MojoFailureException(
          "Both tinyml.representativeData and tinyml.representativeDatasetClass are set; give"
              + " one source of representative samples.");
    }
    if (windowSize != null && windowSize <= 0 || windowStride != null && windowStride <= 0) {
      throw new MojoFailureException(
          "tinyml.windowSize and tinyml.windowStride must be positive, got "
              + windowSize
              + " and "
              + windowStride);
    }
    ImageNormalization normalization;
    try {
      normalization =
          ImageNormalization.fromId(imageNormalization == null ? "zero-one" : imageNormalization);
    } catch (PreprocessException e) {
      throw new MojoFailureException("tinyml.imageNormalization: " + e.getMessage(), e);
    }
    SamplePreprocessing p;
    try {
      p =
          SamplePreprocessing.named(
              preprocessing,
              normalization,
              windowSize == null ? 0 : windowSize,
              windowStride == null ? 0 : windowStride);
    } catch (PreprocessException e) {
      throw new MojoFailureException("tinyml.preprocessing: " + e.getMessage(), e);
    }
    if ((windowSize != null || windowStride != null) && !p.name().equals("time-series")) {
      getLog()
          .warn(
              "tinyml.windowSize/tinyml.windowStride apply to preprocessing time-series only;"
                  + " preprocessing "
                  + p.name()
                  + " ignores them.");
    }
    if (normalization != ImageNormalization.ZERO_ONE && !p.name().equals("image")) {
      getLog()
          .warn(
              "tinyml.imageNormalization applies to preprocessing image only; preprocessing "
                  + p.name()
                  + " ignores it.");
    }
    return p;
  }

  /** The project's runtime classpath when a dataset class is configured, else nothing. */
  private List<Path> datasetClasspath() throws MojoExecutionException {
    if (representativeDatasetClass == null || representativeDatasetClass.isBlank()) {
      return List.of();
    }
    if (project == null || project.getFile() == null) {
      return List.of(); // no project: the class can only come from the plugin's own classpath
    }
    try {
      return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "The project's runtime classpath is not resolved: " + e.getMessage(), e);
    }
  }

  /** A loader over the project's runtime classpath, or null without a dataset class. */
  private URLClassLoader datasetClassLoader() throws MojoExecutionException {
    if (representativeDatasetClass == null || representativeDatasetClass.isBlank()) {
      return null;
    }
    List<Path> elements = datasetClasspath();
    URL[] urls = new URL[elements.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = elements.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("Bad classpath element " + elements.get(i) + ": " + e, e);
      }
    }
    // Parent first: the dataset interface must be the plugin's own, or the cast below fails.
    return new URLClassLoader(urls, RepresentativeDataset.class.getClassLoader());
  }

  private RepresentativeDataset datasetFromClass(ClassLoader loader) throws MojoFailureException {
    String name = representativeDatasetClass.trim();
    String what = "tinyml.representativeDatasetClass " + name;
    Class<?> type;
    try {
      type = Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new MojoFailureException(
          what
              + ": no such class on the project's runtime classpath (target/classes and the"
              + " runtime dependencies). Put it in src/main/java, or in a dependency, and give its"
              + " fully qualified name.",
          e);
    } catch (LinkageError e) {
      throw new MojoFailureException(what + " cannot be loaded: " + e, e);
    }
    if (!RepresentativeDataset.class.isAssignableFrom(type)) {
      throw new MojoFailureException(
          what
              + " does not implement "
              + RepresentativeDataset.class.getName()
              + " (an Iterable<float[][]>: each sample is one float[] per model input, flattened"
              + " row-major).");
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new MojoFailureException(what + " is abstract; give a concrete class.");
    }
    try {
      Object dataset = type.getConstructor().newInstance();
      getLog().info("tinyml:convert: representative samples from " + name);
      return (RepresentativeDataset) dataset;
    } catch (NoSuchMethodException e) {
      throw new MojoFailureException(
          what + " has no public no-argument constructor; add one (the goal instantiates it).", e);
    } catch (IllegalAccessException e) {
      throw new MojoFailureException(
          what + " is not accessible; make the class and its no-argument constructor public.", e);
    } catch (InvocationTargetException e) {
      throw new MojoFailureException(
          what + ": its constructor threw " + e.getCause(), e.getCause());
    } catch (InstantiationException e) {
      throw new MojoFailureException(what + " cannot be instantiated: " + e, e);
    }
  }

  private interface Step<T> {
    T get() throws MojoFailureException;
  }

  /** Runs a step that iterates the dataset; the user's own dataset class may throw anything. */
  private <T> T userData(Step<T> step) throws MojoFailureException {
    try {
      return step.get();
    } catch (RuntimeException e) {
      if (representativeDatasetClass == null) {
        throw e;
      }
      throw new MojoFailureException(
          "tinyml.representativeDatasetClass " + representativeDatasetClass + " failed: " + e, e);
    }
  }

  private Loaded quantize(
      Path source, Model floatModel, RepresentativeDataset data, CalibrationMethod method)
      throws MojoFailureException {
    QuantizationOptions options =
        QuantizationOptions.defaults()
            .withIoTypes(ioType("inputType", inputType), ioType("outputType", outputType))
            .withCalibration(method)
            .withBiasCorrection(biasCorrection);
    try {
      Model int8 = ModelQuantizer.quantize(floatModel, data, options);
      return new Loaded(int8, TfliteWriter.write(int8));
    } catch (QuantizationException e) {
      throw new MojoFailureException(
          "Cannot quantize "
              + source.getFileName()
              + " to int8: "
              + e.getMessage()
              + (representativeDatasetClass == null
                  ? ""
                  : " (samples from " + representativeDatasetClass + ")"),
          e);
    } catch (TfliteFormatException e) {
      throw new MojoFailureException(
          "The int8 model made from " + source.getFileName() + " cannot be written: " + e, e);
    } catch (RuntimeException e) {
      if (representativeDatasetClass == null) {
        throw e;
      }
      throw new MojoFailureException(
          "tinyml.representativeDatasetClass " + representativeDatasetClass + " failed: " + e, e);
    }
  }

  /** The non-default calibration settings, for the report ("" with the defaults). */
  private String calibrationNote() {
    String c = calibration == null ? "minmax" : calibration.trim().toLowerCase(Locale.ROOT);
    return (c.equals("minmax") ? "" : ", " + c + " ranges")
        + (biasCorrection ? ", bias correction" : "");
  }

  /** Parses {@code tinyml.calibration}; see the parameter's documentation for the forms. */
  static CalibrationMethod calibrationMethod(String value) throws MojoFailureException {
    String v = value == null ? "minmax" : value.trim().toLowerCase(Locale.ROOT);
    int colon = v.indexOf(':');
    String kind = colon < 0 ? v : v.substring(0, colon).trim();
    String arg = colon < 0 ? null : v.substring(colon + 1).trim();
    try {
      switch (kind) {
        case "minmax":
          if (arg == null) {
            return CalibrationMethod.minMax();
          }
          break;
        case "mse":
          if (arg == null) {
            return CalibrationMethod.mseOptimal();
          }
          break;
        case "entropy":
          if (arg == null) {
            return CalibrationMethod.entropy();
          }
          break;
        case "percentile":
          if (arg != null) {
            return CalibrationMethod.percentile(Double.parseDouble(arg));
          }
          break;
        case "moving-average":
          if (arg != null) {
            return CalibrationMethod.movingAverageMinMax(Double.parseDouble(arg));
          }
          break;
        default:
          break;
      }
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("tinyml.calibration=" + value + ": " + e.getMessage(), e);
    }
    throw new MojoFailureException(
        "tinyml.calibration="
            + value
            + ": use minmax, mse, entropy, percentile:P (e.g. percentile:99.99) or"
            + " moving-average:C (e.g. moving-average:0.01).");
  }

  private static IoType ioType(String param, String value) throws MojoFailureException {
    if (value == null || value.trim().equalsIgnoreCase("int8")) {
      return IoType.INT8;
    }
    if (value.trim().equalsIgnoreCase("float32")) {
      return IoType.FLOAT32;
    }
    throw new MojoFailureException(
        "tinyml."
            + param
            + "="
            + value
            + ": the quantizer makes int8 or float32 inputs and outputs; use one of those.");
  }

  /** Float weights or biases mean a float model (an int8 model may still have float I/O). */
  static boolean hasFloatWeights(Model model) {
    for (Tensor t : model.primarySubgraph().tensors()) {
      boolean floaty = t.type() == TensorType.FLOAT32 || t.type() == TensorType.FLOAT16;
      if (floaty && model.dataOf(t).length > 0) {
        return true;
      }
    }
    return false;
  }

  private static void checkIoType(String param, String value) throws MojoFailureException {
    if (value != null && !IO_TYPES.contains(value.trim().toLowerCase(Locale.ROOT))) {
      throw new MojoFailureException(
          "tinyml." + param + " must be one of " + IO_TYPES + ", got '" + value + "'");
    }
  }

  private static void checkIoTypeMatches(String param, String value, Model model, boolean input)
      throws MojoFailureException {
    if (value == null) {
      return;
    }
    int[] indices = input ? model.primarySubgraph().inputs() : model.primarySubgraph().outputs();
    for (int i : indices) {
      Tensor t = model.primarySubgraph().tensor(i);
      String actual = t.type().name().toLowerCase(Locale.ROOT);
      if (!actual.equals(value.trim().toLowerCase(Locale.ROOT))) {
        throw new MojoFailureException(
            "tinyml."
                + param
                + "="
                + value
                + " but the model's "
                + (input ? "input" : "output")
                + " '"
                + t.name()
                + "' is "
                + actual
                + "; the type is chosen when a float model is quantized (tinyml.quantization=int8),"
                + " and this model is not quantized in this run. Leave tinyml."
                + param
                + " unset to keep the model's type.");
      }
    }
  }

  private void checkRepresentativeData() throws MojoFailureException {
    if (representativeData == null) {
      return;
    }
    Path dir = path(representativeData);
    if (!Files.isDirectory(dir)) {
      throw new MojoFailureException("tinyml.representativeData: no such directory " + dir);
    }
    try (Stream<Path> s = Files.walk(dir)) {
      if (s.noneMatch(Files::isRegularFile)) {
        throw new MojoFailureException(
            "tinyml.representativeData: the directory "
                + dir
                + " is empty; put representative samples (WAV, PNG/JPEG, .npy, CSV) in it.");
      }
    } catch (IOException e) {
      throw new MojoFailureException("Cannot list tinyml.representativeData " + dir + ": " + e, e);
    }
  }

  private void warnUnusedData() {
    if (representativeData != null || representativeDatasetClass != null) {
      getLog()
          .warn(
              "tinyml."
                  + (representativeData != null
                      ? "representativeData"
                      : "representativeDatasetClass")
                  + " is not used: the model is not quantized in this run.");
    }
  }

  private List<String> labels() throws MojoFailureException {
    if (labels == null || labels.isBlank()) {
      return List.of();
    }
    Path file = labelsFile();
    if (file != null) {
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty())
            .toList();
      } catch (IOException e) {
        throw new MojoFailureException("Cannot read tinyml.labels file " + file + ": " + e, e);
      }
    }
    if (labels.contains("/") || labels.contains("\\") || labels.endsWith(".txt")) {
      throw new MojoFailureException(
          "tinyml.labels: no such file " + path(new File(labels)) + " (give a file or a list).");
    }
    return Arrays.stream(labels.split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  private Path labelsFile() {
    if (labels == null || labels.isBlank()) {
      return null;
    }
    Path p = path(new File(labels.trim()));
    return Files.isRegularFile(p) ? p : null;
  }

  private Map<String, String> configuration(String generator) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("generator", generator);
    c.put("signature", signature);
    c.put("quantization", quantization);
    c.put("inputType", inputType);
    c.put("outputType", outputType);
    c.put("calibration", calibration);
    c.put("biasCorrection", Boolean.toString(biasCorrection));
    c.put("labels", labels);
    c.put("board", board);
    c.put("flashBytes", flashBytes == null ? null : flashBytes.toString());
    c.put("ramBytes", ramBytes == null ? null : ramBytes.toString());
    c.put("template", template);
    c.put("templateParameters", templateParameters == null ? "{}" : templateParameters.toString());
    c.put("name", name);
    c.put("offlinePlan", Boolean.toString(offlinePlan));
    c.put("preprocessing", preprocessing);
    c.put("imageNormalization", imageNormalization);
    c.put("windowSize", windowSize == null ? null : windowSize.toString());
    c.put("windowStride", windowStride == null ? null : windowStride.toString());
    c.put("representativeDatasetClass", representativeDatasetClass);
    c.put("libraryVersion", libraryVersion());
    return c;
  }

  private String modelName(Path source) {
    if (name != null && !name.isBlank()) {
      return FirmwareRequest.sanitizedName(name);
    }
    String file = source.getFileName().toString();
    return FirmwareRequest.sanitizedName(
        file.endsWith(".tflite") ? file.substring(0, file.length() - 7) : file);
  }

  private String libraryVersion() {
    String v = project != null && project.getFile() != null ? project.getVersion() : null;
    return v == null ? "0.1.0" : v;
  }

  private String pluginVersion() {
    return plugin == null ? "dev" : plugin.getVersion();
  }

  private File outputDirectory() {
    // Without a project Maven leaves ${project.basedir} unresolved in the default value.
    if (outputDirectory != null && !outputDirectory.getPath().contains("${")) {
      return path(outputDirectory).toFile();
    }
    return path(new File("target/tinyml")).toFile();
  }

  /** Resolves a relative path against the project base directory (or the working directory). */
  private Path path(File f) {
    if (f == null) {
      return null;
    }
    if (f.isAbsolute()) {
      return f.toPath().normalize();
    }
    File base = project != null && project.getBasedir() != null ? project.getBasedir() : null;
    return (base == null ? f.toPath().toAbsolutePath() : base.toPath().resolve(f.toPath()))
        .normalize();
  }

  private void attach(Path zip) {
    if (!attach) {
      return;
    }
    if (project == null || project.getFile() == null || projectHelper == null) {
      return; // no project (run from the command line): nothing to attach to
    }
    if (!Files.isRegularFile(zip)) {
      getLog().warn("Arduino library zip " + zip + " is missing; nothing attached.");
      return;
    }
    projectHelper.attachArtifact(project, "zip", "arduino", zip.toFile());
    getLog().info("tinyml:convert: attached " + zip.getFileName() + " (classifier arduino)");
  }
}
