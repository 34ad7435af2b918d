package dev.tinyml.codegen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sketch templates of the {@code arduino-sketches} module, with their default parameters and
 * what they add to flash and RAM besides the model and the arena.
 */
public enum SketchTemplate {
  /** PDM microphone, TFLite Micro audio frontend, score averaging, command responder. */
  KWS(12 * 1024, ""),
  /** OV7675 camera frame, centre crop to the model input, person score. */
  VWW(8 * 1024, "Arduino_OV767X"),
  /** IMU windows, autoencoder, reconstruction error against a threshold. */
  ANOMALY(6 * 1024, ""),
  /** Input as a line of numbers over serial, outputs back over serial. */
  GENERIC(6 * 1024, "");

  private final long codeFlashBytes;
  private final String extraLibrary;

  SketchTemplate(long codeFlashBytes, String extraLibrary) {
    this.codeFlashBytes = codeFlashBytes;
    this.extraLibrary = extraLibrary;
  }

  /**
   * The template by its configuration name.
   *
   * @param name {@code kws}, {@code vww}, {@code anomaly} or {@code generic}
   * @return the template
   * @throws CodegenException naming the templates when there is no such template
   */
  public static SketchTemplate named(String name) throws CodegenException {
    for (SketchTemplate t : values()) {
      if (t.id().equals(name.toLowerCase(Locale.ROOT).trim())) {
        return t;
      }
    }
    throw new CodegenException(
        "Unknown sketch template '" + name + "'. Templates: kws, vww, anomaly, generic.");
  }

  /**
   * The configuration name and the resource folder.
   *
   * @return e.g. {@code kws}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Estimated flash of the template's own code and the sensor library it uses. */
  long codeFlashBytes() {
    return codeFlashBytes;
  }

  /**
   * The sensor library the sketch includes, for {@code depends=} of the Arduino library.
   *
   * @param board the board (the IMU library differs between boards)
   * @return the library name, empty if the template needs none
   */
  public String sensorLibrary(Board board) {
    return this == ANOMALY ? board.imuLibrary() : extraLibrary;
  }

  /** Estimated static RAM of the template's buffers besides the arena. */
  long staticRamBytes(ModelDescription model) {
    long in = model.inputs().get(0).elementCount();
    long out = model.outputs().get(0).elementCount();
    return switch (this) {
      // 16384-sample ring (int16), features (uint16), 64 results, frontend state (~8 KB).
      case KWS -> 32768 + 2 * in + 64 * (4 + 4 * out) + 8192;
      case VWW -> 160 * 120;
      case ANOMALY -> 4 * in;
      case GENERIC -> maxLineLength(model) + 1;
    };
  }

  /**
   * The template's parameters for a model and board, after checking that the board has the
   * template's sensor and the model the shape the template feeds it.
   *
   * @param model the model
   * @param board the board
   * @param overrides user values by placeholder name
   * @return every template-specific placeholder value (defaults replaced by {@code overrides})
   * @throws CodegenException for a board without the sensor, an unknown or missing parameter, or a
   *     model of the wrong shape
   */
  public Map<String, String> checkedParameters(
      ModelDescription model, Board board, Map<String, String> overrides) throws CodegenException {
    checkBoard(board);
    Map<String, String> parameters = parameters(model, board, overrides);
    checkModel(model, parameters);
    return parameters;
  }

  /**
   * Checks that the board has what the template needs.
   *
   * @param board the target board
   * @throws CodegenException naming the missing sensor and a template that works
   */
  private void checkBoard(Board board) throws CodegenException {
    String missing =
        switch (this) {
          case KWS -> board.microphone() ? null : "a PDM microphone";
          case VWW ->
              board.ov767xCamera()
                  ? null
                  : "an OV7675 camera as on the Tiny Machine Learning Shield (Arduino_OV767X)";
          case ANOMALY -> board.imuLibrary().isEmpty() ? "an on-board IMU" : null;
          case GENERIC -> null;
        };
    if (missing != null) {
      throw new CodegenException(
          "Template "
              + id()
              + " needs "
              + missing
              + ", which board "
              + board.id()
              + " ("
              + board.displayName()
              + ") does not have. Use template 'generic' or another board.");
    }
  }

  /**
   * Checks that the model has the shape the template feeds it, before any C++ compiler would.
   *
   * @param model the model
   * @param parameters the template parameters (defaults and overrides)
   * @throws CodegenException naming the tensor, its shape and what the template expects
   */
  private void checkModel(ModelDescription model, Map<String, String> parameters)
      throws CodegenException {
    TensorSpec in = model.inputs().get(0);
    TensorSpec out = model.outputs().get(0);
    String problem =
        switch (this) {
          case KWS -> {
            long channels = parseCount(parameters.get("feature_channels"), "feature_channels");
            yield in.elementCount() % channels == 0
                ? null
                : "its input "
                    + in
                    + " is not a whole number of "
                    + channels
                    + "-channel feature frames";
          }
          case VWW ->
              in.shape().length == 4
                  ? null
                  : "its input " + in + " is not an image [1, height, width, channels]";
          case ANOMALY -> {
            long axes = parseCount(parameters.get("imu_axes"), "imu_axes");
            if (out.elementCount() != in.elementCount()) {
              yield "an autoencoder's output "
                  + out
                  + " must have as many values as its input "
                  + in;
            }
            yield in.elementCount() % axes == 0
                ? null
                : "its input " + in + " is not a whole number of " + axes + "-axis IMU samples";
          }
          case GENERIC -> null;
        };
    if (problem != null) {
      throw new CodegenException(
          "Template " + id() + " cannot drive model '" + model.name() + "': " + problem + ".");
    }
  }

  private long parseCount(String value, String name) throws CodegenException {
    try {
      long v = Long.parseLong(value.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CodegenException(
        "Template "
            + id()
            + " parameter "
            + name
            + " must be a positive integer, got '"
            + value
            + "'");
  }

  /**
   * The template's parameters: the defaults for {@code model} and {@code board}, overridden by
   * {@code overrides}.
   *
   * @param model the model
   * @param board the board
   * @param overrides user values by placeholder name
   * @return every template-specific placeholder value
   * @throws CodegenException when an override names no parameter of this template or a required
   *     parameter is missing
   */
  private Map<String, String> parameters(
      ModelDescription model, Board board, Map<String, String> overrides) throws CodegenException {
    Map<String, String> p = new LinkedHashMap<>();
    List<String> labels = model.labels();
    switch (this) {
      case KWS -> {
        p.put("sample_rate_hz", "16000");
        p.put("window_ms", "30");
        p.put("stride_ms", "20");
        p.put("feature_channels", "40");
        p.put("lower_band_hz", "125.0f");
        p.put("upper_band_hz", "7500.0f");
        p.put("feature_divisor", "25.6f");
        p.put("average_window_ms", "1000");
        p.put("detection_threshold", "0.8f");
        p.put("suppression_ms", "1500");
        p.put("minimum_count", "3");
        p.put("ignored_label_indices", ignoredLabels(labels));
      }
      case VWW -> {
        p.put("pixel_scale", "(1.0f / 127.5f)");
        p.put("pixel_offset", "-1.0f");
        int person = labels.indexOf("person");
        if (person < 0) {
          person = model.outputs().get(0).elementCount() >= 2 ? 1 : 0;
        }
        p.put("person_index", Integer.toString(person));
        p.put("person_threshold", "0.5f");
      }
      case ANOMALY -> {
        p.put("imu_library", board.imuLibrary());
        p.put("imu_axes", "3");
        p.put("imu_sample_rate_hz", "100");
        p.put("anomaly_threshold", null); // required: no default makes sense
      }
      case GENERIC -> p.put("max_line_length", Long.toString(maxLineLength(model)));
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (!p.containsKey(e.getKey())) {
        throw new CodegenException(
            "Template "
                + id()
                + " has no parameter '"
                + e.getKey()
                + "'. Its parameters: "
                + String.join(", ", p.keySet()));
      }
      p.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : p.entrySet()) {
      if (e.getValue() == null) {
        throw new CodegenException(
            "Template "
                + id()
                + " needs the parameter '"
                + e.getKey()
                + "'"
                + (e.getKey().equals("anomaly_threshold")
                    ? " (the mean squared reconstruction error above which a window is an"
                        + " anomaly, e.g. the 99th percentile of the errors on normal training"
                        + " windows)"
                    : "")
                + "; set it in the template parameters.");
      }
    }
    return p;
  }

  private static long maxLineLength(ModelDescription model) {
    // Up to 16 characters per number ("-1.2345678e-05, ").
    return Math.min(65536, 16 * model.inputs().get(0).elementCount() + 16);
  }

  /** Indices of silence/unknown classes, which never count as commands; "-1" if none. */
  private static String ignoredLabels(List<String> labels) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      String l = labels.get(i).toLowerCase(Locale.ROOT).replace("_", "");
      if (l.equals("silence") || l.equals("unknown") || l.equals("background")) {
        b.append(b.length() == 0 ? "" : ", ").append(i);
      }
    }
    return b.length() == 0 ? "-1" : b.toString();
  }
}
