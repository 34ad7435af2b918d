package dev.tinyml.convert;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.CodegenException;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.preprocess.ImageNormalization;
import dev.tinyml.preprocess.PreprocessException;
import dev.tinyml.preprocess.SamplePreprocessing;
import dev.tinyml.quant.CalibrationMethod;
import dev.tinyml.tflite.TensorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A conversion configured as text, the way a build tool or a command line has it: every setting a
 * string, number or path, read into a {@link ConversionRequest} by {@link #toRequest()}, whose
 * errors name each setting with the {@linkplain #names prefix} the user knows. Relative paths must
 * already be resolved, except a labels file, which is looked up in {@link #baseDirectory}.
 *
 * <pre>{@code
 * ConversionRequest request =
 *     new ConversionSettings()
 *         .names("tinyml.", "in the plugin configuration or with -D")
 *         .savedModel(Path.of("/project/saved_model"))
 *         .representativeData(Path.of("/project/calibration"))
 *         .preprocessing("micro-frontend")
 *         .board("nano33ble")
 *         .outputDirectory(Path.of("/project/target/tinyml"))
 *         .toRequest();
 * }</pre>
 */
public final class ConversionSettings {
  private static final List<String> IO_TYPES = List.of("int8", "uint8", "int16", "float32");

  private String prefix = "";
  private String where = "";
  private Path savedModel;
  private Path tfliteModel;
  private String signature = ModelSource.DEFAULT_SIGNATURE;
  private Path representativeData;
  private Path heldOutData;
  private String preprocessing = "none";
  private String imageNormalization = "zero-one";
  private Integer windowSize;
  private Integer windowStride;
  private String representativeDatasetClass;
  private List<Path> datasetClasspath = List.of();
  private String quantization = "int8";
  private String calibration = "minmax";
  private boolean biasCorrection;
  private String inputType;
  private String outputType;
  private String labels;
  private String board = "nano33ble";
  private Long flashBytes;
  private Long ramBytes;
  private String template = "generic";
  private Map<String, String> templateParameters = Map.of();
  private String name;
  private String defaultName;
  private boolean offlinePlan;
  private String backend = "tflm";
  private Path outputDirectory;
  private Path baseDirectory = Path.of("").toAbsolutePath();
  private String generator = "tinyml";
  private String libraryVersion = "0.1.0";
  private boolean skipWhenUnchanged;
  private ConversionLog log = ConversionLog.silent();

  /** Settings with the defaults of {@link ConversionRequest#builder}. */
  public ConversionSettings() {}

  /**
   * How messages name settings: {@code prefix} before each setting's name, and where settings are
   * given, said once when no model is set.
   *
   * @param prefix e.g. {@code tinyml.}
   * @param where e.g. {@code in the plugin configuration or with -D}; empty to say nothing
   * @return this
   */
  public ConversionSettings names(String prefix, String where) {
    this.prefix = prefix;
    this.where = where;
    return this;
  }

  /**
   * A SavedModel directory; give this or {@link #tfliteModel}.
   *
   * @param dir the directory, or null
   * @return this
   */
  public ConversionSettings savedModel(Path dir) {
    this.savedModel = dir;
    return this;
  }

  /**
   * A {@code .tflite} file; give this or {@link #savedModel}.
   *
   * @param file the file, or null
   * @return this
   */
  public ConversionSettings tfliteModel(Path file) {
    this.tfliteModel = file;
    return this;
  }

  /**
   * The signature to convert (default {@code serving_default}).
   *
   * @param signature the key
   * @return this
   */
  public ConversionSettings signature(String signature) {
    this.signature = signature == null ? ModelSource.DEFAULT_SIGNATURE : signature;
    return this;
  }

  /**
   * A directory of representative samples.
   *
   * @param dir the directory, or null
   * @return this
   */
  public ConversionSettings representativeData(Path dir) {
    this.representativeData = dir;
    return this;
  }

  /**
   * A directory of held-out samples, read with the same preprocessing as the representative data,
   * to measure the float-vs-int8 agreement on instead of the calibration samples.
   *
   * @param dir the directory, or null to measure on the calibration samples
   * @return this
   */
  public ConversionSettings heldOutData(Path dir) {
    this.heldOutData = dir;
    return this;
  }

  /**
   * How sample files become inputs: one of {@link SamplePreprocessing#NAMES}.
   *
   * @param name the name, or null for {@code none}
   * @return this
   */
  public ConversionSettings preprocessing(String name) {
    this.preprocessing = name;
    return this;
  }

  /**
   * For {@code image} preprocessing: {@code zero-one}, {@code minus-one-one} or {@code none}.
   *
   * @param name the name, or null for {@code zero-one}
   * @return this
   */
  public ConversionSettings imageNormalization(String name) {
    this.imageNormalization = name;
    return this;
  }

  /**
   * For {@code time-series} preprocessing: rows per window and between window starts.
   *
   * @param size rows per window, or null to derive it from the model
   * @param stride rows between starts, or null for the size
   * @return this
   */
  public ConversionSettings windows(Integer size, Integer stride) {
    this.windowSize = size;
    this.windowStride = stride;
    return this;
  }

  /**
   * A dataset class instead of a sample directory.
   *
   * @param className the class name, or null
   * @param classpath where to load it from
   * @return this
   */
  public ConversionSettings representativeDatasetClass(String className, List<Path> classpath) {
    this.representativeDatasetClass = className;
    this.datasetClasspath = List.copyOf(classpath);
    return this;
  }

  /**
   * {@code int8}, {@code int16x8} (int16 activations, int8 weights) or {@code none}.
   *
   * @param value the value
   * @return this
   */
  public ConversionSettings quantization(String value) {
    this.quantization = value;
    return this;
  }

  /**
   * A calibration method as {@link CalibrationMethod#parse} reads it.
   *
   * @param value the value
   * @return this
   */
  public ConversionSettings calibration(String value) {
    this.calibration = value;
    return this;
  }

  /**
   * Whether int8 biases are corrected.
   *
   * @param value the setting
   * @return this
   */
  public ConversionSettings biasCorrection(boolean value) {
    this.biasCorrection = value;
    return this;
  }

  /**
   * The input and output types: int8, uint8, int16 or float32.
   *
   * @param input the input type, or null to keep it
   * @param output the output type, or null to keep it
   * @return this
   */
  public ConversionSettings ioTypes(String input, String output) {
    this.inputType = input;
    this.outputType = output;
    return this;
  }

  /**
   * Class names: a text file with one per line, or a comma-separated list.
   *
   * @param value the file or the list, or null
   * @return this
   */
  public ConversionSettings labels(String value) {
    this.labels = value;
    return this;
  }

  /**
   * The board id, and the budgets of a {@code custom} board or replacing a known board's.
   *
   * @param id the id
   * @param flash the board's flash in bytes, or null for a known board's own
   * @param ram the board's RAM in bytes, or null for a known board's own
   * @return this
   */
  public ConversionSettings board(String id, Long flash, Long ram) {
    this.board = id;
    this.flashBytes = flash;
    this.ramBytes = ram;
    return this;
  }

  /**
   * The sketch template and parameters replacing its defaults.
   *
   * @param id the template id
   * @param parameters placeholder name to C++ text, or null
   * @return this
   */
  public ConversionSettings template(String id, Map<String, String> parameters) {
    this.template = id;
    this.templateParameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    return this;
  }

  /**
   * The sketch and library name.
   *
   * @param value the name, or null for the model's
   * @return this
   */
  public ConversionSettings name(String value) {
    this.name = value;
    return this;
  }

  /**
   * The name used when {@link #name} is not set, such as the build project's artifact id, so that
   * two projects whose models sit in folders of the same name get different sketches and libraries.
   *
   * @param value the name, or null for the model's file or directory name
   * @return this
   */
  public ConversionSettings defaultName(String value) {
    this.defaultName = value;
    return this;
  }

  /**
   * Whether the offline memory plan is embedded.
   *
   * @param value the setting
   * @return this
   */
  public ConversionSettings offlinePlan(boolean value) {
    this.offlinePlan = value;
    return this;
  }

  /**
   * What runs the model on the board: {@code tflm} (default) or {@code c}.
   *
   * @param value the backend name, or null for {@code tflm}
   * @return this
   */
  public ConversionSettings backend(String value) {
    this.backend = value;
    return this;
  }

  /**
   * Where the files go.
   *
   * @param dir the directory
   * @return this
   */
  public ConversionSettings outputDirectory(Path dir) {
    this.outputDirectory = dir;
    return this;
  }

  /**
   * Where a relative labels file is looked up (default: the working directory).
   *
   * @param dir the directory
   * @return this
   */
  public ConversionSettings baseDirectory(Path dir) {
    this.baseDirectory = dir;
    return this;
  }

  /**
   * The tool and library version named in generated files.
   *
   * @param tool e.g. {@code tinyml-maven-plugin 0.1.0-SNAPSHOT}
   * @param version the Arduino library version
   * @return this
   */
  public ConversionSettings generator(String tool, String version) {
    this.generator = tool;
    this.libraryVersion = version;
    return this;
  }

  /**
   * Whether an unchanged conversion is skipped.
   *
   * @param value the setting
   * @return this
   */
  public ConversionSettings skipWhenUnchanged(boolean value) {
    this.skipWhenUnchanged = value;
    return this;
  }

  /**
   * Where reading the settings and the conversion report.
   *
   * @param value the log
   * @return this
   */
  public ConversionSettings log(ConversionLog value) {
    this.log = value;
    return this;
  }

  /**
   * Reads the settings, in the order a user would fix them.
   *
   * @return the request
   * @throws ConversionException naming the setting, its value and what it accepts
   */
  public ConversionRequest toRequest() throws ConversionException {
    ModelSource source = source();
    SketchTemplate sketchTemplate;
    Board target;
    try {
      sketchTemplate = SketchTemplate.named(template);
      target = board();
    } catch (CodegenException e) {
      throw new ConversionException(e.getMessage(), e);
    }
    Quantization quant;
    try {
      quant = Quantization.parse(quantization);
    } catch (IllegalArgumentException e) {
      throw new ConversionException(prefix + "quantization " + e.getMessage(), e);
    }
    TensorType input = ioType("inputType", inputType);
    TensorType output = ioType("outputType", outputType);
    RepresentativeData data = representativeData();
    CalibrationMethod method;
    try {
      method = CalibrationMethod.parse(calibration);
    } catch (IllegalArgumentException e) {
      throw new ConversionException(
          prefix + "calibration=" + calibration + ": " + e.getMessage(), e);
    }
    Backend runner;
    try {
      runner = Backend.parse(backend);
    } catch (IllegalArgumentException e) {
      throw new ConversionException(prefix + "backend " + e.getMessage(), e);
    }
    if (outputDirectory == null) {
      throw new ConversionException("Set " + prefix + "outputDirectory.");
    }
    return ConversionRequest.builder(source, outputDirectory)
        .representativeData(data)
        .heldOutData(heldOut(data))
        .quantization(quant)
        .calibration(method)
        .biasCorrection(biasCorrection)
        .inputType(input)
        .outputType(output)
        .labels(labelList())
        .board(target)
        .template(sketchTemplate)
        .templateParameters(templateParameters)
        .name(name == null || name.isBlank() ? defaultName : name)
        .offlinePlan(offlinePlan)
        .backend(runner)
        .generator(generator)
        .libraryVersion(libraryVersion)
        .skipWhenUnchanged(skipWhenUnchanged)
        .settingPrefix(prefix)
        .log(log)
        .build();
  }

  private ModelSource source() throws ConversionException {
    if (savedModel == null && tfliteModel == null) {
      throw new ConversionException(
          "No model to convert: set "
              + prefix
              + "tfliteModel (a .tflite file) or "
              + prefix
              + "savedModel (a SavedModel directory)"
              + (where.isEmpty() ? "" : ", " + where)
              + ".");
    }
    if (savedModel != null && tfliteModel != null) {
      throw new ConversionException(
          "Both "
              + prefix
              + "savedModel and "
              + prefix
              + "tfliteModel are set; convert one model per execution.");
    }
    return tfliteModel != null
        ? ModelSource.tflite(tfliteModel, signature)
        : ModelSource.savedModel(savedModel, signature);
  }

  private Board board() throws CodegenException {
    boolean custom = "custom".equalsIgnoreCase(board.trim());
    if (custom && (flashBytes == null || ramBytes == null)) {
      throw new CodegenException(
          "Board 'custom' needs "
              + prefix
              + "flashBytes and "
              + prefix
              + "ramBytes (the board's program flash and RAM in bytes).");
    }
    try {
      return Board.resolve(board, flashBytes, ramBytes);
    } catch (CodegenException e) {
      throw new CodegenException(
          e.getMessage()
              .replace("flashBytes", prefix + "flashBytes")
              .replace("ramBytes", prefix + "ramBytes"),
          e);
    }
  }

  private TensorType ioType(String setting, String value) throws ConversionException {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!IO_TYPES.contains(v)) {
      throw new ConversionException(
          prefix + setting + " must be one of " + IO_TYPES + ", got '" + value + "'");
    }
    return TensorType.valueOf(v.toUpperCase(Locale.ROOT));
  }

  private RepresentativeData representativeData() throws ConversionException {
    if (representativeData != null && representativeDatasetClass != null) {
      throw new ConversionException(
          "Both "
              + prefix
              + "representativeData and "
              + prefix
              + "representativeDatasetClass are set; give one source of representative samples.");
    }
    if (windowSize != null && windowSize <= 0 || windowStride != null && windowStride <= 0) {
      throw new ConversionException(
          prefix
              + "windowSize and "
              + prefix
              + "windowStride must be positive, got "
              + windowSize
              + " and "
              + windowStride);
    }
    ImageNormalization normalization;
    try {
      normalization =
          ImageNormalization.fromId(imageNormalization == null ? "zero-one" : imageNormalization);
    } catch (PreprocessException e) {
      throw new ConversionException(prefix + "imageNormalization: " + e.getMessage(), e);
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
      throw new ConversionException(prefix + "preprocessing: " + e.getMessage(), e);
    }
    if ((windowSize != null || windowStride != null) && !p.name().equals("time-series")) {
      log.warn(
          prefix
              + "windowSize/"
              + prefix
              + "windowStride apply to preprocessing time-series only; preprocessing "
              + p.name()
              + " ignores them.");
    }
    if (normalization != ImageNormalization.ZERO_ONE && !p.name().equals("image")) {
      log.warn(
          prefix
              + "imageNormalization applies to preprocessing image only; preprocessing "
              + p.name()
              + " ignores it.");
    }
    if (representativeData != null) {
      return RepresentativeData.directory(representativeData, p);
    }
    if (representativeDatasetClass != null && !representativeDatasetClass.isBlank()) {
      return RepresentativeData.datasetClass(representativeDatasetClass, datasetClasspath);
    }
    return RepresentativeData.none();
  }

  /** The held-out directory, read as the representative directory is. */
  private RepresentativeData heldOut(RepresentativeData data) throws ConversionException {
    if (heldOutData == null) {
      return RepresentativeData.none();
    }
    if (!(data instanceof RepresentativeData.Directory d)) {
      throw new ConversionException(
          prefix
              + "heldOutData needs "
              + prefix
              + "representativeData: the held-out files are read with its preprocessing.");
    }
    return RepresentativeData.directory(heldOutData, d.preprocessing());
  }

  private List<String> labelList() throws ConversionException {
    if (labels == null || labels.isBlank()) {
      return List.of();
    }
    Path file = baseDirectory.resolve(labels.trim()).normalize();
    if (Files.isRegularFile(file)) {
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty())
            .toList();
      } catch (IOException e) {
        throw new ConversionException(
            "Cannot read " + prefix + "labels file " + file + ": " + e, e);
      }
    }
    if (labels.contains("/") || labels.contains("\\") || labels.endsWith(".txt")) {
      throw new ConversionException(
          prefix
              + "labels: no such file "
              + baseDirectory.resolve(labels).normalize()
              + " (give a file or a list).");
    }
    return Arrays.stream(labels.split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList();
  }
}
