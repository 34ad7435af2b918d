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
 * with every template. Every value the generator supplies must be used by some file of the set, and
 * every placeholder must have a value, so templates and generator cannot drift apart silently.
 */
public final class SketchGenerator {
  /** Where the templates live on the classpath. */
  public static final String RESOURCES = "dev/tinyml/sketches/";

  /** The files of {@code common/} that the Arduino library puts in {@code src/}. */
  static final List<String> COMMON_FILES = List.of("model_ops.h", "tensor_io.h");

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
    Set<String> used = new LinkedHashSet<>();
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      String name = template.id() + "/" + e.getKey();
      used.addAll(TemplateEngine.placeholders(name, e.getValue()));
      out.put(e.getKey(), TemplateEngine.render(name, e.getValue(), values));
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
