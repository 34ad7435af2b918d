package dev.tinyml.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fills the templates of the {@code arduino-sketches} module (classpath resources under {@value
 * #RESOURCES}) for one model, template and board.
 *
 * <p>Every template folder lists its files in {@code files.txt}; {@code sketch.ino} becomes {@code
 * <sketch name>.ino}. The files of {@code common/} ({@code model_ops.h}, {@code tensor_io.h}) go
 * with every template. The fragments listed in {@code partials/files.txt} are code the templates
 * share: a template places {@code partials/<name>.inc} with the placeholder <code>
 * &#123;&#123;name&#125;&#125;</code> on a line of its own (the fragment's final newline is the
 * line's). Every value the generator supplies must be used by some file of the set, and every
 * placeholder must have a value, so templates and generator cannot drift apart silently.
 */
public final class SketchGenerator {
  /** Where the templates live on the classpath. */
  public static final String RESOURCES = "dev/tinyml/sketches/";

  /** The files of {@code common/} that the Arduino library puts in {@code src/}. */
  static final List<String> COMMON_FILES = List.of("model_ops.h", "tensor_io.h");

  private static final String PARTIAL_SUFFIX = ".inc";

  private final String generator;

  /**
   * Creates a generator.
   *
   * @param generator names the tool in file comments, e.g. {@code tinyml 0.1.0}
   */
  public SketchGenerator(String generator) {
    this.generator = Identifiers.comment(generator);
  }

  /**
   * The filled files of a sketch, by file name (no folder).
   *
   * @param model the model
   * @param template the template
   * @param board the board
   * @param sketchName the sketch name (a C identifier)
   * @param modelIncludes the {@code #include} lines that bring in the model and its op resolver
   * @param overrides template parameter values that replace the defaults
   * @return file name to text; {@code <sketchName>.ino}, the template's helpers and the common
   *     helpers
   * @throws CodegenException for a board without the template's sensor, an op without resolver
   *     method, a bad template parameter or a template error
   */
  public SortedMap<String, String> sketchFiles(
      ModelDescription model,
      SketchTemplate template,
      Board board,
      String sketchName,
      String modelIncludes,
      Map<String, String> overrides)
      throws CodegenException {
    template.checkBoard(board);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("sketch_name", sketchName);
    values.put("model_name", Identifiers.comment(model.name()));
    values.put("generator", generator);
    values.put("board_name", board.displayName());
    values.put("tflm_library", OpResolverGenerator.LIBRARY);
    values.put("tflm_library_version", OpResolverGenerator.LIBRARY_VERSION);
    values.put("model_includes", modelIncludes);
    values.put("op_count", Integer.toString(model.ops().size()));
    values.put("op_list", String.join(", ", model.ops()));
    values.put("op_registrations", OpResolverGenerator.registrations(model.ops(), "  "));
    Map<String, String> parameters = template.parameters(model, board, overrides);
    template.checkModel(model, parameters);
    values.putAll(parameters);

    Map<String, String> sources = new LinkedHashMap<>();
    for (String file : listing(template.id())) {
      String target = file.equals("sketch.ino") ? sketchName + ".ino" : file;
      sources.put(target, resource(template.id() + "/" + file));
    }
    for (String file : listing("common")) {
      sources.put(file, resource("common/" + file));
    }
    // A shared fragment is filled (with the same values) only for the templates that place it.
    Map<String, String> partials = partials(values, template);
    Map<String, String> filled = new LinkedHashMap<>(values);
    Set<String> used = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      for (String placeholder :
          TemplateEngine.placeholders(template.id() + "/" + e.getKey(), e.getValue())) {
        used.add(placeholder);
        String partial = partials.get(placeholder);
        if (partial != null && !filled.containsKey(placeholder)) {
          String partialName = partialPath(placeholder);
          used.addAll(TemplateEngine.placeholders(partialName, partial));
          filled.put(placeholder, TemplateEngine.render(partialName, partial, values));
        }
      }
    }
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      String name = template.id() + "/" + e.getKey();
      out.put(e.getKey(), TemplateEngine.render(name, e.getValue(), filled));
    }
    List<String> unused = new ArrayList<>(values.keySet());
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw new CodegenException(
          "Template "
              + template.id()
              + " does not use the values "
              + unused
              + "; the templates in arduino-sketches and the generator disagree.");
    }
    return out;
  }

  /**
   * The shared fragments by placeholder name, each without its final newline so that a placeholder
   * alone on a line stands for the fragment's lines.
   */
  private static Map<String, String> partials(Map<String, String> values, SketchTemplate template)
      throws CodegenException {
    Map<String, String> partials = new LinkedHashMap<>();
    for (String file : listing("partials")) {
      if (!file.endsWith(PARTIAL_SUFFIX)) {
        throw new CodegenException(
            "Sketch template resource "
                + RESOURCES
                + "partials/files.txt lists '"
                + file
                + "'; shared fragments are <name>"
                + PARTIAL_SUFFIX
                + " files.");
      }
      String name = file.substring(0, file.length() - PARTIAL_SUFFIX.length());
      if (values.containsKey(name)) {
        throw new CodegenException(
            "Template "
                + template.id()
                + " value '"
                + name
                + "' has the name of the shared fragment "
                + partialPath(name)
                + "; rename one of them.");
      }
      String text = resource(partialPath(name));
      partials.put(name, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }
    return partials;
  }

  private static String partialPath(String name) {
    return "partials/" + name + PARTIAL_SUFFIX;
  }

  private static List<String> listing(String folder) throws CodegenException {
    List<String> files = new ArrayList<>();
    for (String line : resource(folder + "/files.txt").split("\n")) {
      if (!line.isBlank()) {
        files.add(line.trim());
      }
    }
    return files;
  }

  private static String resource(String path) throws CodegenException {
    String full = RESOURCES + path;
    try (InputStream in = SketchGenerator.class.getClassLoader().getResourceAsStream(full)) {
      if (in == null) {
        throw new CodegenException(
            "Sketch template resource "
                + full
                + " is not on the classpath; add the dev.tinyml:arduino-sketches dependency.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new CodegenException("Cannot read sketch template resource " + full, e);
    }
  }
}
