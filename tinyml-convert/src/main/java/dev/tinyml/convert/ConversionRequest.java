package dev.tinyml.convert;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.quant.CalibrationMethod;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one conversion needs. Only the model source and the output directory are required;
 * {@link #builder(ModelSource, Path)} documents the defaults.
 */
public final class ConversionRequest {
  private static final Set<TensorType> IO_TYPES =
      Set.of(TensorType.INT8, TensorType.UINT8, TensorType.INT16, TensorType.FLOAT32);

  private final ModelSource source;
  private final Path outputDirectory;
  private final RepresentativeData representativeData;
  private final RepresentativeData heldOutData;
  private final Quantization quantization;
  private final CalibrationMethod calibration;
  private final boolean biasCorrection;
  private final TensorType inputType;
  private final TensorType outputType;
  private final List<String> labels;
  private final Board board;
  private final SketchTemplate template;
  private final Map<String, String> templateParameters;
  private final String name;
  private final boolean offlinePlan;
  private final Backend backend;
  private final String generator;
  private final String libraryVersion;
  private final boolean skipWhenUnchanged;
  private final String settingPrefix;
  private final ConversionLog log;

  private ConversionRequest(Builder b) {
    source = b.source;
    outputDirectory = b.outputDirectory;
    representativeData = b.representativeData;
    heldOutData = b.heldOutData;
    quantization = b.quantization;
    calibration = b.calibration;
    biasCorrection = b.biasCorrection;
    inputType = b.inputType;
    outputType = b.outputType;
    labels = List.copyOf(b.labels);
    board = b.board;
    template = b.template;
    templateParameters = Map.copyOf(b.templateParameters);
    name = b.name;
    offlinePlan = b.offlinePlan;
    backend = b.backend;
    generator = b.generator;
    libraryVersion = b.libraryVersion;
    skipWhenUnchanged = b.skipWhenUnchanged;
    settingPrefix = b.settingPrefix;
    log = b.log;
  }

  /**
   * Starts a request with the defaults: no representative data, int8 quantization with min/max
   * calibration and no bias correction, input and output types as the quantizer makes them (int8),
   * no labels, board {@code nano33ble}, template {@code generic}, the name taken from the source,
   * no offline plan, generator {@code tinyml}, library version {@code 0.1.0}, always regenerate,
   * settings named as the builder methods, and a silent log.
   *
   * @param source the model
   * @param outputDirectory where the files go
   * @return the builder
   */
  public static Builder builder(ModelSource source, Path outputDirectory) {
    return new Builder(source, outputDirectory);
  }

  /**
   * The model.
   *
   * @return the source
   */
  public ModelSource source() {
    return source;
  }

  /**
   * Where the files go.
   *
   * @return the directory
   */
  public Path outputDirectory() {
    return outputDirectory;
  }

  /**
   * The calibration samples.
   *
   * @return the data
   */
  public RepresentativeData representativeData() {
    return representativeData;
  }

  /**
   * The samples the float-vs-int8 agreement is measured on; {@link RepresentativeData#none()} for
   * the calibration samples.
   *
   * @return the data
   */
  public RepresentativeData heldOutData() {
    return heldOutData;
  }

  /**
   * Whether a float model is quantized.
   *
   * @return the setting
   */
  public Quantization quantization() {
    return quantization;
  }

  /**
   * How int8 calibration picks ranges.
   *
   * @return the method
   */
  public CalibrationMethod calibration() {
    return calibration;
  }

  /**
   * Whether int8 biases are corrected for the weights' rounding error.
   *
   * @return the setting
   */
  public boolean biasCorrection() {
    return biasCorrection;
  }

  /**
   * The model input type wanted, or {@code null} to keep what the model or the quantizer has.
   *
   * @return the type or null
   */
  public TensorType inputType() {
    return inputType;
  }

  /**
   * The model output type wanted, or {@code null} to keep what the model or the quantizer has.
   *
   * @return the type or null
   */
  public TensorType outputType() {
    return outputType;
  }

  /**
   * Class names in output order.
   *
   * @return the labels, possibly empty
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * The target board.
   *
   * @return the board
   */
  public Board board() {
    return board;
  }

  /**
   * The sketch template.
   *
   * @return the template
   */
  public SketchTemplate template() {
    return template;
  }

  /**
   * Template parameters replacing the defaults.
   *
   * @return placeholder name to C++ text
   */
  public Map<String, String> templateParameters() {
    return templateParameters;
  }

  /**
   * The sketch and library name as set, or {@code null} for the source's name.
   *
   * @return the name or null
   */
  public String name() {
    return name;
  }

  /**
   * Whether this project's memory plan is embedded in the model.
   *
   * @return the setting
   */
  public boolean offlinePlan() {
    return offlinePlan;
  }

  /**
   * What runs the model on the board.
   *
   * @return {@link Backend#TFLM} unless set
   */
  public Backend backend() {
    return backend;
  }

  /**
   * The tool named in generated files.
   *
   * @return e.g. {@code tinyml-maven-plugin 0.1.0-SNAPSHOT}
   */
  public String generator() {
    return generator;
  }

  /**
   * The Arduino library version.
   *
   * @return e.g. {@code 0.1.0-SNAPSHOT}
   */
  public String libraryVersion() {
    return libraryVersion;
  }

  /**
   * Whether an unchanged conversion is skipped (see {@link Builder#skipWhenUnchanged}).
   *
   * @return the setting
   */
  public boolean skipWhenUnchanged() {
    return skipWhenUnchanged;
  }

  /**
   * The log.
   *
   * @return the log
   */
  public ConversionLog log() {
    return log;
  }

  /**
   * How messages name a setting: the prefix and the setting's builder name, e.g. {@code
   * tinyml.representativeData}.
   *
   * @param setting the builder name of the setting
   * @return the name users know it by
   */
  public String setting(String setting) {
    return settingPrefix + setting;
  }

  /**
   * A setting named both ways a build user may have written it, e.g. {@code savedModel
   * (-Dtinyml.savedModel)}; just the name when there is no prefix.
   *
   * @param setting the setting's name
   * @return the label for messages
   */
  public String settingLabel(String setting) {
    return settingPrefix.isEmpty() ? setting : setting + " (-D" + settingPrefix + setting + ")";
  }

  /** Builds a {@link ConversionRequest}. */
  public static final class Builder {
    private final ModelSource source;
    private final Path outputDirectory;
    private RepresentativeData representativeData = RepresentativeData.none();
    private RepresentativeData heldOutData = RepresentativeData.none();
    private Quantization quantization = Quantization.INT8;
    private CalibrationMethod calibration = CalibrationMethod.minMax();
    private boolean biasCorrection;
    private TensorType inputType;
    private TensorType outputType;
    private List<String> labels = List.of();
    private Board board = Board.NANO33BLE;
    private SketchTemplate template = SketchTemplate.GENERIC;
    private final Map<String, String> templateParameters = new LinkedHashMap<>();
    private String name;
    private boolean offlinePlan;
    private Backend backend = Backend.TFLM;
    private String generator = "tinyml";
    private String libraryVersion = "0.1.0";
    private boolean skipWhenUnchanged;
    private String settingPrefix = "";
    private ConversionLog log = ConversionLog.silent();

    private Builder(ModelSource source, Path outputDirectory) {
      this.source = Objects.requireNonNull(source, "source");
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
    }

    /**
     * The samples for calibration, and for the agreement in the report unless {@link #heldOutData}
     * is given.
     *
     * @param data the samples
     * @return this
     */
    public Builder representativeData(RepresentativeData data) {
      this.representativeData = Objects.requireNonNull(data, "data");
      return this;
    }

    /**
     * Samples the calibration did not see, to measure the float-vs-int8 agreement on instead of the
     * calibration samples (which flatter the int8 model).
     *
     * @param data the samples, or {@link RepresentativeData#none()}
     * @return this
     */
    public Builder heldOutData(RepresentativeData data) {
      this.heldOutData = Objects.requireNonNull(data, "data");
      return this;
    }

    /**
     * Whether a float model is quantized, to int8 or int16x8.
     *
     * @param quantization the setting
     * @return this
     */
    public Builder quantization(Quantization quantization) {
      this.quantization = Objects.requireNonNull(quantization, "quantization");
      return this;
    }

    /**
     * How int8 calibration picks each tensor's range.
     *
     * @param method the method
     * @return this
     */
    public Builder calibration(CalibrationMethod method) {
      this.calibration = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * Whether to correct each int8 bias for the mean error the weights' rounding causes.
     *
     * @param biasCorrection the setting
     * @return this
     */
    public Builder biasCorrection(boolean biasCorrection) {
      this.biasCorrection = biasCorrection;
      return this;
    }

    /**
     * The model input type: int8 (int16 under int16x8) or float32 when a float model is quantized;
     * for a model not quantized in this run, the type it must already have (int8, uint8, int16 or
     * float32).
     *
     * @param type the type, or {@code null} to keep the model's
     * @return this
     * @throws IllegalArgumentException for another type
     */
    public Builder inputType(TensorType type) {
      this.inputType = ioType(type);
      return this;
    }

    /**
     * The model output type, as {@link #inputType}.
     *
     * @param type the type, or {@code null} to keep the model's
     * @return this
     * @throws IllegalArgumentException for another type
     */
    public Builder outputType(TensorType type) {
      this.outputType = ioType(type);
      return this;
    }

    /**
     * Class names in output order, for {@code model.h} and the sketch.
     *
     * @param labels the names
     * @return this
     */
    public Builder labels(List<String> labels) {
      this.labels = List.copyOf(labels);
      return this;
    }

    /**
     * The target board, whose flash and RAM the firmware must fit.
     *
     * @param board the board
     * @return this
     */
    public Builder board(Board board) {
      this.board = Objects.requireNonNull(board, "board");
      return this;
    }

    /**
     * The sketch template.
     *
     * @param template the template
     * @return this
     */
    public Builder template(SketchTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Template parameters replacing the defaults (see docs/codegen.md).
     *
     * @param parameters placeholder name to C++ text
     * @return this
     */
    public Builder templateParameters(Map<String, String> parameters) {
      this.templateParameters.putAll(parameters);
      return this;
    }

    /**
     * The sketch and library name (sanitised to a C identifier).
     *
     * @param name the name, or {@code null} for the source's file or directory name
     * @return this
     */
    public Builder name(String name) {
      this.name = name == null || name.isBlank() ? null : name;
      return this;
    }

    /**
     * Whether to embed this project's tighter memory plan in the model.
     *
     * @param offlinePlan the setting
     * @return this
     */
    public Builder offlinePlan(boolean offlinePlan) {
      this.offlinePlan = offlinePlan;
      return this;
    }

    /**
     * What runs the model on the board (default {@link Backend#TFLM}).
     *
     * @param backend the backend
     * @return this
     */
    public Builder backend(Backend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * The tool named in generated files; no time or path, so output stays reproducible.
     *
     * @param generator e.g. {@code tinyml-maven-plugin 0.1.0-SNAPSHOT}
     * @return this
     */
    public Builder generator(String generator) {
      this.generator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * The Arduino library version; a {@code -SNAPSHOT} suffix is dropped.
     *
     * @param version e.g. the project version
     * @return this
     */
    public Builder libraryVersion(String version) {
      this.libraryVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Whether to skip the work when the model, the data and every setting are as in the last
     * conversion into the same directory, whose stamp and files are all still there. Samples given
     * in memory cannot be checked, so a conversion with them always runs.
     *
     * @param skip the setting
     * @return this
     */
    public Builder skipWhenUnchanged(boolean skip) {
      this.skipWhenUnchanged = skip;
      return this;
    }

    /**
     * A prefix for setting names in messages, e.g. {@code tinyml.} so that they read as the Maven
     * properties; empty by default, so that they read as the builder methods.
     *
     * @param prefix the prefix
     * @return this
     */
    public Builder settingPrefix(String prefix) {
      this.settingPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Where progress lines and warnings go.
     *
     * @param log the log
     * @return this
     */
    public Builder log(ConversionLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ConversionRequest build() {
      return new ConversionRequest(this);
    }

    private static TensorType ioType(TensorType type) {
      if (type != null && !IO_TYPES.contains(type)) {
        throw new IllegalArgumentException(
            "input and output types are int8, uint8, int16 or float32, got " + type);
      }
      return type;
    }
  }
}
