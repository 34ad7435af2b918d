package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Arduino sketch folder of a c-backend module: {@code <name>/<name>.ino} from the {@code
 * c_generic} template of {@code arduino-sketches} (input over serial, outputs and the best label
 * back), beside {@code <name>_model.h} and {@code <name>_model.c}; or, with {@link #writeKws}, the
 * {@code c_kws} keyword-spotting sketch with the C micro frontend. Neither needs the TFLite Micro
 * library.
 */
public final class CSketch {
  private static final String TEMPLATE = "/dev/tinyml/sketches/c_generic/sketch.ino";
  private static final String KWS_TEMPLATE = "/dev/tinyml/sketches/c_kws/sketch.ino";
  // The command recognizer is plain C++ without TFLM, shared with the TFLM kws template.
  private static final String RECOGNIZER = "/dev/tinyml/sketches/kws/recognize_commands.h";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_A-Z]+)}}");

  private CSketch() {}

  /**
   * Renders the sketch text.
   *
   * @param module the generated module
   * @param modelName the model's name for the comment
   * @param labels the output labels (empty when the model is not a classifier)
   * @param generator the generator's name and version for the comment
   * @return the {@code .ino} text
   * @throws CodegenException when the template is missing or names an unknown placeholder
   */
  public static String render(
      CModule module, String modelName, List<String> labels, String generator)
      throws CodegenException {
    return fill(TEMPLATE, baseValues(module, modelName, labels, generator));
  }

  /**
   * The resource of the c sketch of a template that {@link #render(String, CModule, String, List,
   * String)} fills ({@code c_<id>} beside the tflm templates), or null when that template has no
   * such c sketch yet. The {@code kws} template's c sketch needs the C frontend as well and is
   * written by {@link #writeKws}, so it is not returned here.
   *
   * @param templateId a template id ({@code generic}, {@code vww}, {@code anomaly}, {@code kws})
   * @return the resource path, or null
   */
  public static String templateFor(String templateId) {
    if ("kws".equals(templateId)) {
      return null;
    }
    String resource = "/dev/tinyml/sketches/c_" + templateId + "/sketch.ino";
    return CSketch.class.getResource(resource) == null ? null : resource;
  }

  /**
   * Renders the sketch text from a given c template resource ({@link #templateFor}).
   *
   * @param template the resource path
   * @param module the generated module
   * @param modelName the model's name for the comment
   * @param labels the output labels (empty when the model is not a classifier)
   * @param generator the generator's name and version for the comment
   * @return the {@code .ino} text
   * @throws CodegenException when the template is missing or names an unknown placeholder
   */
  public static String render(
      String template, CModule module, String modelName, List<String> labels, String generator)
      throws CodegenException {
    return fill(template, baseValues(module, modelName, labels, generator));
  }

  private static Map<String, String> baseValues(
      CModule module, String modelName, List<String> labels, String generator) {
    StringBuilder quoted = new StringBuilder();
    for (String label : labels) {
      quoted.append(quoted.length() == 0 ? "" : ", ").append(cString(label));
    }
    Map<String, String> values =
        new java.util.HashMap<>(
            Map.of(
                "name", module.name(),
                "NAME", CNames.macro(module.name()),
                "model_name", CNames.comment(modelName),
                "generator", CNames.comment(generator),
                "labels", labels.isEmpty() ? "\"\"" : quoted.toString(),
                "label_count", Integer.toString(labels.size()),
                "max_line_length", "2048"));
    return values;
  }

  private static String fill(String templatePath, Map<String, String> values)
      throws CodegenException {
    String template = templateText(templatePath);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new CodegenException(
            "sketch template " + templatePath + " uses unknown placeholder {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Writes {@code <dir>/<name>/<name>.ino}, {@code <name>_model.h} and {@code <name>_model.c}.
   *
   * @return the sketch folder
   * @throws CodegenException as {@link #render}
   * @throws IOException when writing fails
   */
  public static Path write(
      CModule module, String modelName, List<String> labels, String generator, Path dir)
      throws CodegenException, IOException {
    String ino = render(module, modelName, labels, generator);
    Path folder = dir.resolve(module.name());
    AtomicFiles.write(folder.resolve(module.name() + ".ino"), ino);
    AtomicFiles.write(folder.resolve(module.headerFile()), module.header());
    AtomicFiles.write(folder.resolve(module.sourceFile()), module.source());
    return folder;
  }

  /**
   * Renders the {@code c_kws} sketch: PDM microphone, the C micro frontend, feature slices of the
   * model's input length, scores averaged over 1 s and commands reported over serial and the RGB
   * LED (Nano 33 BLE Sense).
   *
   * @param module the generated module (input 0 a whole number of feature frames)
   * @param modelName the model's name for the comment
   * @param labels the output labels; silence, unknown and background are never reported
   * @param featureDivisor what the model's real input is: frontend value divided by this (25.6 for
   *     micro_speech)
   * @param generator the generator's name and version for the comment
   * @return the {@code .ino} text
   * @throws CodegenException when the template is missing or names an unknown placeholder
   */
  public static String renderKws(
      CModule module, String modelName, List<String> labels, float featureDivisor, String generator)
      throws CodegenException {
    if (!(featureDivisor > 0) || Float.isInfinite(featureDivisor)) {
      throw new CodegenException(
          "The kws sketch's feature divisor must be a positive number, got " + featureDivisor);
    }
    Map<String, String> values = baseValues(module, modelName, labels, generator);
    values.put("feature_divisor", Float.toString(featureDivisor) + "f");
    StringBuilder ignored = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      String l = labels.get(i).toLowerCase(Locale.ROOT).replace("_", "");
      if (l.equals("silence") || l.equals("unknown") || l.equals("background")) {
        ignored.append(ignored.length() == 0 ? "" : ", ").append(i);
      }
    }
    values.put("ignored_label_indices", ignored.length() == 0 ? "-1" : ignored.toString());
    return fill(KWS_TEMPLATE, values);
  }

  /**
   * Writes the {@code c_kws} sketch folder {@code <dir>/<name>/}: {@code <name>.ino}, {@code
   * recognize_commands.h}, the model module and the C frontend ({@link CFrontend#render}).
   *
   * @param module the generated module
   * @param frontend the C frontend, rendered with the configuration the model was trained with
   * @param modelName the model's name for the comment
   * @param labels the output labels
   * @param featureDivisor see {@link #renderKws}
   * @param generator the generator's name and version for the comment
   * @param dir the output directory
   * @return the sketch folder
   * @throws CodegenException as {@link #renderKws}
   * @throws IOException when writing fails
   */
  public static Path writeKws(
      CModule module,
      CFrontendSources frontend,
      String modelName,
      List<String> labels,
      float featureDivisor,
      String generator,
      Path dir)
      throws CodegenException, IOException {
    Map<String, String> files =
        renderKwsFiles(module, frontend, modelName, labels, featureDivisor, generator);
    Path folder = dir.resolve(module.name());
    for (Map.Entry<String, String> f : files.entrySet()) {
      AtomicFiles.write(folder.resolve(f.getKey()), f.getValue());
    }
    AtomicFiles.write(folder.resolve(module.headerFile()), module.header());
    AtomicFiles.write(folder.resolve(module.sourceFile()), module.source());
    return folder;
  }

  /**
   * Renders the {@code c_kws} sketch folder's own files, without the model module: {@code
   * <name>.ino}, {@code recognize_commands.h} and the frontend's files, in that order. Rendering
   * them all before writing any lets a caller refuse without leaving half a folder.
   *
   * @param module the generated module
   * @param frontend the C frontend, rendered with the configuration the model was trained with
   * @param modelName the model's name for the comment
   * @param labels the output labels
   * @param featureDivisor see {@link #renderKws}
   * @param generator the generator's name and version for the comment
   * @return file name to text
   * @throws CodegenException as {@link #renderKws}
   */
  public static Map<String, String> renderKwsFiles(
      CModule module,
      CFrontendSources frontend,
      String modelName,
      List<String> labels,
      float featureDivisor,
      String generator)
      throws CodegenException {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put(
        module.name() + ".ino", renderKws(module, modelName, labels, featureDivisor, generator));
    files.put(
        "recognize_commands.h", fill(RECOGNIZER, Map.of("generator", CNames.comment(generator))));
    files.putAll(frontend.files());
    return files;
  }

  private static String templateText(String path) throws CodegenException {
    try (InputStream in = CSketch.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new CodegenException(
            "sketch template " + path + " is missing: arduino-sketches is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CodegenException("cannot read sketch template " + path, e);
    }
  }

  private static String cString(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (byte by : text.getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      if (c == '"' || c == '\\') {
        b.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f || c == '?') {
        b.append(String.format("\\%03o", c));
      } else {
        b.append((char) c);
      }
    }
    return b.append('"').toString();
  }
}
