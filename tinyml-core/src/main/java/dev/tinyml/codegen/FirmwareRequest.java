package dev.tinyml.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link FirmwareGenerator} needs: the model, how to package it, and what the report says
 * beyond sizes. Build one with {@link #builder(ModelDescription)}.
 */
public final class FirmwareRequest {
  private final ModelDescription model;
  private final String name;
  private final SketchTemplate template;
  private final Board board;
  private final Map<String, String> templateParameters;
  private final String libraryVersion;
  private final String generator;
  private final String source;
  private final String quantization;
  private final List<ConversionReport.OpUse> opUses;
  private final Long macs;
  private final ConversionReport.Agreement agreement;
  private final List<ConversionReport.TensorSqnr> worstTensors;
  private final SortedMap<String, byte[]> histogramPngs;
  private final List<String> notes;

  private FirmwareRequest(Builder b) {
    this.model = b.model;
    this.name = Identifiers.sketchName(b.name == null ? b.model.name() : b.name);
    this.template = b.template;
    this.board = b.board;
    this.templateParameters = Map.copyOf(b.templateParameters);
    this.libraryVersion = b.libraryVersion;
    this.generator = b.generator;
    this.source = b.source;
    this.quantization = b.quantization;
    this.opUses = List.copyOf(b.opUses);
    this.macs = b.macs;
    this.agreement = b.agreement;
    this.worstTensors = List.copyOf(b.worstTensors);
    this.histogramPngs = new TreeMap<>(b.histogramPngs);
    this.notes = List.copyOf(b.notes);
  }

  /**
   * Starts a request for a model, with the defaults: template {@code generic}, board {@code
   * nano33ble}, library version {@code 0.1.0}.
   *
   * @param model the model
   * @return the builder
   */
  public static Builder builder(ModelDescription model) {
    return new Builder(model);
  }

  /**
   * The sketch and library name made of {@code raw}: ASCII letters, digits and underscores,
   * starting with a letter, at most 63 characters.
   *
   * @param raw any text, e.g. a file name
   * @return the sanitized name
   */
  public static String sanitizedName(String raw) {
    return Identifiers.sketchName(raw);
  }

  ModelDescription model() {
    return model;
  }

  /**
   * The sanitized sketch and library name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  SketchTemplate template() {
    return template;
  }

  Board board() {
    return board;
  }

  Map<String, String> templateParameters() {
    return templateParameters;
  }

  String libraryVersion() {
    return libraryVersion;
  }

  String generator() {
    return generator;
  }

  String source() {
    return source;
  }

  String quantization() {
    return quantization;
  }

  List<ConversionReport.OpUse> opUses() {
    return opUses;
  }

  Long macs() {
    return macs;
  }

  ConversionReport.Agreement agreement() {
    return agreement;
  }

  List<ConversionReport.TensorSqnr> worstTensors() {
    return worstTensors;
  }

  SortedMap<String, byte[]> histogramPngs() {
    return histogramPngs;
  }

  List<String> notes() {
    return notes;
  }

  /** Builds a {@link FirmwareRequest}. */
  public static final class Builder {
    private final ModelDescription model;
    private String name;
    private SketchTemplate template = SketchTemplate.GENERIC;
    private Board board = Board.NANO33BLE;
    private final Map<String, String> templateParameters = new LinkedHashMap<>();
    private String libraryVersion = "0.1.0";
    private String generator = "tinyml";
    private String source = "";
    private String quantization = "";
    private final List<ConversionReport.OpUse> opUses = new ArrayList<>();
    private Long macs;
    private ConversionReport.Agreement agreement;
    private final List<ConversionReport.TensorSqnr> worstTensors = new ArrayList<>();
    private final SortedMap<String, byte[]> histogramPngs = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(ModelDescription model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * The sketch and library name; defaults to the model name. It is sanitized to a C identifier.
     *
     * @param name the name
     * @return this
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
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
     * The target board.
     *
     * @param board the board
     * @return this
     */
    public Builder board(Board board) {
      this.board = Objects.requireNonNull(board, "board");
      return this;
    }

    /**
     * Template parameter values replacing the defaults (see docs/codegen.md).
     *
     * @param parameters placeholder name to C++ text
     * @return this
     */
    public Builder templateParameters(Map<String, String> parameters) {
      this.templateParameters.putAll(parameters);
      return this;
    }

    /**
     * The Arduino library version; a {@code -SNAPSHOT} or other suffix is dropped because {@code
     * library.properties} wants {@code MAJOR.MINOR.PATCH}.
     *
     * @param version e.g. {@code 0.1.0-SNAPSHOT}
     * @return this
     */
    public Builder libraryVersion(String version) {
      String v = version.replaceFirst("[-+].*$", "");
      if (!v.matches("\\d+(\\.\\d+){0,2}")) {
        throw new IllegalArgumentException(
            "Library version '" + version + "' is not MAJOR.MINOR.PATCH");
      }
      this.libraryVersion = v;
      return this;
    }

    /**
     * The tool named in generated files, e.g. {@code tinyml-maven-plugin 0.1.0-SNAPSHOT}. It should
     * not contain a time or a path, so output stays reproducible.
     *
     * @param generator the tool name
     * @return this
     */
    public Builder generator(String generator) {
      this.generator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * Where the model came from, for the report (a file name, not an absolute path).
     *
     * @param source e.g. {@code micro_speech.tflite}
     * @return this
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * The quantization applied, for the report.
     *
     * @param quantization {@code int8}, {@code none}, or a description
     * @return this
     */
    public Builder quantization(String quantization) {
      this.quantization = Objects.requireNonNull(quantization, "quantization");
      return this;
    }

    /**
     * Op use for the report.
     *
     * @param ops op, version and count
     * @return this
     */
    public Builder opUses(List<ConversionReport.OpUse> ops) {
      this.opUses.addAll(ops);
      return this;
    }

    /**
     * Multiply-accumulates of one inference, for the report.
     *
     * @param macs the count
     * @return this
     */
    public Builder macs(long macs) {
      this.macs = macs;
      return this;
    }

    /**
     * Float-vs-int8 agreement, for the report.
     *
     * @param agreement the measurement
     * @return this
     */
    public Builder agreement(ConversionReport.Agreement agreement) {
      this.agreement = agreement;
      return this;
    }

    /**
     * Tensors with the lowest SQNR, worst first, for the report.
     *
     * @param tensors the tensors
     * @return this
     */
    public Builder worstTensors(List<ConversionReport.TensorSqnr> tensors) {
      this.worstTensors.addAll(tensors);
      return this;
    }

    /**
     * A weight histogram image to write beside the report and link from it.
     *
     * @param tensor the tensor name
     * @param png the PNG bytes
     * @return this
     */
    public Builder histogram(String tensor, byte[] png) {
      this.histogramPngs.put(tensor, png.clone());
      return this;
    }

    /**
     * A sentence for the report's notes, such as a warning the conversion logged.
     *
     * @param note the sentence
     * @return this
     */
    public Builder note(String note) {
      this.notes.add(Objects.requireNonNull(note, "note"));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public FirmwareRequest build() {
      return new FirmwareRequest(this);
    }
  }
}
