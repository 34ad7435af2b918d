package dev.tinyml.codegen.c;

import dev.tinyml.codegen.AtomicFiles;
import dev.tinyml.codegen.CodegenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Arduino sketch folder of a c-backend module: {@code <name>/<name>.ino} from the {@code
 * c_generic} template of {@code arduino-sketches} (input over serial, outputs and the best label
 * back), beside {@code <name>_model.h} and {@code <name>_model.c}. It needs no TFLite Micro
 * library.
 */
public final class CSketch {
  private static final String TEMPLATE = "/dev/tinyml/sketches/c_generic/sketch.ino";
  private static final String TEMPLATES = "/dev/tinyml/sketches/c_";
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
    return render(TEMPLATE, module, modelName, labels, generator);
  }

  /**
   * The resource of the c sketch of a template ({@code c_<id>} beside the tflm templates), or null
   * when that template has no c sketch yet.
   *
   * @param templateId a template id ({@code generic}, {@code vww}, {@code anomaly}, {@code kws})
   * @return the resource path, or null
   */
  public static String templateFor(String templateId) {
    String resource = TEMPLATES + templateId + "/sketch.ino";
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
    String text;
    try (InputStream in = CSketch.class.getResourceAsStream(template)) {
      if (in == null) {
        throw new CodegenException(
            "sketch template "
                + template
                + " is missing: arduino-sketches is not on the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CodegenException("cannot read sketch template " + template, e);
    }
    StringBuilder quoted = new StringBuilder();
    for (String label : labels) {
      quoted.append(quoted.length() == 0 ? "" : ", ").append(cString(label));
    }
    Map<String, String> values =
        Map.of(
            "name", module.name(),
            "NAME", CNames.macro(module.name()),
            "model_name", CNames.comment(modelName),
            "generator", CNames.comment(generator),
            "labels", labels.isEmpty() ? "\"\"" : quoted.toString(),
            "label_count", Integer.toString(labels.size()),
            "max_line_length", "2048");
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new CodegenException(
            "sketch template " + template + " uses unknown placeholder {{" + m.group(1) + "}}");
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
